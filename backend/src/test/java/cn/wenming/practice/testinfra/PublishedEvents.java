package cn.wenming.practice.testinfra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

/**
 * Records the application's own domain events (types under {@code cn.wenming.practice}) as they
 * are published, so tests can check what a feature announced. Part of the shared test context;
 * tests look only at events about their own data.
 */
public class PublishedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getName().startsWith("cn.wenming.practice.")) {
			this.events.add(event);
		}
	}

	/** Every recorded event of the given type, in publication order. */
	public <T> List<T> ofType(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
