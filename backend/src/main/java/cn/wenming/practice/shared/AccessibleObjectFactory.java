package cn.wenming.practice.shared;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * MyBatis's object factory with the constructors it calls made accessible once and kept. Our
 * entities and views are package-private (one module each), and MyBatis's default factory calls
 * their constructor first as if it were public, catches the {@link IllegalAccessException}, makes
 * it accessible and calls it again — for every row: a profile of the redemption run found 2,818
 * such exceptions a minute, each filling in a stack trace. Records (rows mapped by column order)
 * are built through their canonical constructor the same way: the next profile still found one
 * exception per {@code PointsAccount} and {@code TeamStandings.Membership} row.
 */
class AccessibleObjectFactory extends DefaultObjectFactory {

	/** A class's constructor and its parameter types, compared with MyBatis's without allocating. */
	private record Cached(Constructor<?> constructor, Class<?>[] parameters) {

		boolean takes(List<Class<?>> argTypes) {
			int size = (argTypes == null) ? 0 : argTypes.size();
			if (size != this.parameters.length) {
				return false;
			}
			for (int i = 0; i < size; i++) {
				if (argTypes.get(i) != this.parameters[i]) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * Per class the constructor MyBatis asked for (rows of a class are built one way: the no-argument
	 * constructor, or a record's canonical one); a class without it stays MyBatis's own path.
	 */
	private final Map<Class<?>, Optional<Cached>> constructors = new ConcurrentHashMap<>();

	@Override
	public <T> T create(Class<T> type, List<Class<?>> argTypes, List<Object> args) {
		Class<?> concrete = resolveInterface(type);
		if (concrete.isInterface() || java.lang.reflect.Modifier.isAbstract(concrete.getModifiers())) {
			return super.create(type, argTypes, args);
		}
		Cached cached = this.constructors.computeIfAbsent(concrete, c -> accessible(c, argTypes)).orElse(null);
		if (cached == null || !cached.takes(argTypes)) {
			// Another constructor of the same class (not how our rows are mapped): MyBatis's own way.
			return super.create(type, argTypes, args);
		}
		try {
			return type.cast((cached.parameters().length == 0) ? cached.constructor().newInstance()
					: cached.constructor().newInstance(args.toArray()));
		}
		catch (ReflectiveOperationException ex) {
			throw new ReflectionException("Error instantiating " + type + " with " + argTypes + ": " + ex, ex);
		}
	}

	private static Optional<Cached> accessible(Class<?> type, List<Class<?>> argTypes) {
		try {
			Class<?>[] parameters = (argTypes == null) ? new Class<?>[0] : argTypes.toArray(Class<?>[]::new);
			Constructor<?> constructor = type.getDeclaredConstructor(parameters);
			constructor.setAccessible(true);
			return Optional.of(new Cached(constructor, parameters));
		}
		catch (NoSuchMethodException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** How many classes have a cached constructor (for tests). */
	int cached() {
		return this.constructors.size();
	}

}
