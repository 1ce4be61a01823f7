package cn.wenming.practice.shared;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the staff console (console/, built by Maven into {@code static/console/}) at
 * {@code /console/}, from the same origin as {@code /graphql}. The console is a single-page app with
 * history-mode routes: any {@code /console/...} path that is not a built file answers
 * {@code index.html}, so a reload or a shared link opens the same screen. Built assets carry a
 * content hash in their names and are cached for a year; {@code index.html} is revalidated, so a
 * deployment reaches every browser at its next load.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebMvcConfigurer {

	static final String LOCATION = "classpath:/static/console/";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/console", "/console/");
		// The resource handler never resolves an empty path, so the console's root is a forward.
		registry.addViewController("/console/").setViewName("forward:/console/index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/console/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/console/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new HistoryFallback());
	}

	/** A built file when there is one; {@code index.html} for a route (a path without a file extension). */
	static final class HistoryFallback extends PathResourceResolver {

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource file = super.getResource(resourcePath, location);
			if (file != null) {
				return file;
			}
			String last = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
			if (last.contains(".")) {
				return null; // a missing asset stays a 404, not a page of HTML
			}
			Resource index = location.createRelative("index.html");
			return (index.exists() && index.isReadable()) ? index : null;
		}

	}

}
