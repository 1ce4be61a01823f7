package cn.wenming.practice.shared;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
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

	/** A constructor by its class and parameter types (none: the no-argument one). */
	private record Signature(Class<?> type, List<Class<?>> parameters) {
	}

	/** Empty where the class has no such constructor: MyBatis's own path then (and its error). */
	private final Map<Signature, java.util.Optional<Constructor<?>>> constructors = new ConcurrentHashMap<>();

	@Override
	public <T> T create(Class<T> type, List<Class<?>> argTypes, List<Object> args) {
		Class<?> concrete = resolveInterface(type);
		if (concrete.isInterface() || java.lang.reflect.Modifier.isAbstract(concrete.getModifiers())) {
			return super.create(type, argTypes, args);
		}
		// Records (views read by column order) come with argument types; other rows without.
		List<Class<?>> parameters = (argTypes == null) ? List.of() : List.copyOf(argTypes);
		Constructor<?> constructor = this.constructors
			.computeIfAbsent(new Signature(concrete, parameters), AccessibleObjectFactory::accessible)
			.orElse(null);
		if (constructor == null) {
			return super.create(type, argTypes, args);
		}
		try {
			return type.cast(parameters.isEmpty() ? constructor.newInstance() : constructor.newInstance(args.toArray()));
		}
		catch (ReflectiveOperationException ex) {
			throw new ReflectionException("Error instantiating " + type + " with " + parameters + ": " + ex, ex);
		}
	}

	private static java.util.Optional<Constructor<?>> accessible(Signature signature) {
		try {
			Constructor<?> constructor = signature.type()
				.getDeclaredConstructor(signature.parameters().toArray(Class<?>[]::new));
			constructor.setAccessible(true);
			return java.util.Optional.of(constructor);
		}
		catch (NoSuchMethodException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

	/** How many classes have a cached constructor (for tests). */
	int cached() {
		return this.constructors.size();
	}

}
