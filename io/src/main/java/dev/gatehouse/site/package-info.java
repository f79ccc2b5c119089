/**
 * The site file: the site's internal networks, with names, and the thresholds of the detection
 * model, read from YAML.
 *
 * <p>{@link dev.gatehouse.site.SiteConfigLoader#load(java.nio.file.Path)} reads a file and
 * returns a {@link dev.gatehouse.site.SiteLoadResult} with every problem found, each with its
 * line. {@link dev.gatehouse.site.SiteLoadResult#config()} returns the {@link
 * dev.gatehouse.site.SiteConfig} of a file without errors and throws {@link
 * dev.gatehouse.site.SiteConfigException} otherwise. The schema and the rules are documented on
 * {@link dev.gatehouse.site.SiteConfigLoader}.
 */
package dev.gatehouse.site;
