package cn.wenming.practice.testinfra;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ReflectionUtils;

/**
 * What every {@code @IntegrationTest} would otherwise repeat: it fills {@link Scenario} fields
 * (before {@code @BeforeEach} methods run, so they may use them) and parameters with fresh
 * helpers, and puts the shared {@link MutableClock} back to system time around each test, since
 * every integration test shares one application context.
 */
public class ScenarioExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	/** Only test helpers are built; anything else must come from the application context. */
	private static final String HELPERS = "cn.wenming.practice.";

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		resetClock(context);
		for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
			for (Field field : fields(instance.getClass())) {
				ReflectionUtils.makeAccessible(field);
				field.set(instance, build(field.getType(), context));
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		resetClock(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.isAnnotated(Scenario.class);
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return build(parameter.getParameter().getType(), context);
	}

	private static void resetClock(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBeanProvider(MutableClock.class).ifAvailable(MutableClock::reset);
	}

	private static List<Field> fields(Class<?> type) {
		List<Field> fields = new ArrayList<>();
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (field.isAnnotationPresent(Scenario.class) && !Modifier.isStatic(field.getModifiers())) {
					fields.add(field);
				}
			}
		}
		return fields;
	}

	private static Object build(Class<?> type, ExtensionContext context) {
		ApplicationContext app = SpringExtension.getApplicationContext(context);
		if (type == Api.class) {
			Integer port = app.getEnvironment().getProperty("local.server.port", Integer.class);
			if (port == null) {
				throw new ParameterResolutionException("no server port: the test needs a web server on a real port");
			}
			return new Api(port);
		}
		if (!type.getName().startsWith(HELPERS)) {
			throw new ParameterResolutionException(type.getName() + " is not a test helper; @Autowired it instead");
		}
		// The constructor with the most parameters that can all be supplied.
		Constructor<?>[] constructors = type.getDeclaredConstructors();
		Arrays.sort(constructors, Comparator.comparingInt(Constructor<?>::getParameterCount).reversed());
		for (Constructor<?> constructor : constructors) {
			Object[] args = arguments(constructor, context, app);
			if (args != null) {
				try {
					ReflectionUtils.makeAccessible(constructor);
					return constructor.newInstance(args);
				}
				catch (ReflectiveOperationException ex) {
					Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
					throw new ParameterResolutionException("building " + type.getSimpleName() + " failed", cause);
				}
			}
		}
		throw new ParameterResolutionException("no constructor of " + type.getName()
				+ " takes only an Api, application beans and other test helpers");
	}

	/** The arguments for {@code constructor}, or {@code null} when one cannot be supplied. */
	private static Object[] arguments(Constructor<?> constructor, ExtensionContext context, ApplicationContext app) {
		AutowireCapableBeanFactory beans = app.getAutowireCapableBeanFactory();
		Class<?>[] types = constructor.getParameterTypes();
		Object[] args = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			if (types[i] == Api.class || (types[i].getName().startsWith(HELPERS) && !isBean(app, types[i]))) {
				if (!buildable(types[i])) {
					return null;
				}
				args[i] = build(types[i], context);
			}
			else {
				try {
					args[i] = beans.resolveDependency(new DependencyDescriptor(new MethodParameter(constructor, i), true),
							null);
				}
				catch (NoSuchBeanDefinitionException ex) {
					return null;
				}
			}
		}
		return args;
	}

	private static boolean isBean(ApplicationContext app, Class<?> type) {
		return app.getBeanNamesForType(type).length > 0;
	}

	/** Records and nested types (a {@code Fixtures.Tree}, a {@code Session}) are data, not helpers. */
	private static boolean buildable(Class<?> type) {
		return type == Api.class || (!type.isRecord() && !type.isInterface() && !type.isPrimitive()
				&& type.getEnclosingClass() == null);
	}

}
