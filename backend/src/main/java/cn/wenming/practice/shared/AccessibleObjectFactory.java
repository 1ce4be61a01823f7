package cn.wenming.practice.shared;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * MyBatis's object factory with the no-argument constructors made accessible once and kept. Our
 * entities and views are package-private (one module each), and MyBatis's default factory calls
 * their constructor first as if it were public, catches the {@link IllegalAccessException}, makes
 * it accessible and calls it again — for every row: a profile of the redemption run found 2,818
 * such exceptions a minute, each filling in a stack trace.
 */
class AccessibleObjectFactory extends DefaultObjectFactory {

	private final Map<Class<?>, Constructor<?>> constructors = new ConcurrentHashMap<>();

	@Override
	public <T> T create(Class<T> type, List<Class<?>> argTypes, List<Object> args) {
		if (argTypes != null && !argTypes.isEmpty()) {
			return super.create(type, argTypes, args);
		}
		Class<?> concrete = resolveInterface(type);
		if (concrete.isInterface() || java.lang.reflect.Modifier.isAbstract(concrete.getModifiers())) {
			return super.create(type, argTypes, args);
		}
		Constructor<?> constructor = this.constructors.computeIfAbsent(concrete, AccessibleObjectFactory::noArgs);
		if (constructor == null) {
			return super.create(type, argTypes, args);
		}
		try {
			return type.cast(constructor.newInstance());
		}
		catch (ReflectiveOperationException ex) {
			throw new ReflectionException("Error instantiating " + type + ": " + ex, ex);
		}
	}

	/** The accessible no-argument constructor, or null where there is none (MyBatis's own path then). */
	private static Constructor<?> noArgs(Class<?> type) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor;
		}
		catch (NoSuchMethodException | RuntimeException ex) {
			return null;
		}
	}

	/** How many classes have a cached constructor (for tests). */
	int cached() {
		return this.constructors.size();
	}

}
