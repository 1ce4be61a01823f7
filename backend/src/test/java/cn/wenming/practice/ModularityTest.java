package cn.wenming.practice;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Features talk to each other only through their top-level public types, and never in cycles
 * (e.g. {@code org} may use {@code auth}, so {@code auth} must not use {@code org}'s classes).
 */
class ModularityTest {

	@Test
	void featureBoundariesHold() {
		ApplicationModules.of(BackendApplication.class).verify();
	}

}
