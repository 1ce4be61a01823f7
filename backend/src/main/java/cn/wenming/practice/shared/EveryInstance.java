package cn.wenming.practice.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Scheduled} method that must run on every instance, so it carries no ShedLock
 * {@code @SchedulerLock}: it refreshes the instance's own memory (for example the revoked logins
 * each instance checks access tokens against), which one instance's run cannot do for the others.
 * Every other scheduled job runs once per tick across instances; ScaleOutTest holds both rules.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EveryInstance {

	/** Why this job must run everywhere. */
	String value();

}
