package cn.wenming.practice.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row objects of package-private classes are built through a cached accessible constructor, the
 * application's MyBatis uses that factory, and everything else goes MyBatis's own way.
 */
@IntegrationTest
class AccessibleObjectFactoryTest {

	@Autowired
	SqlSessionFactory sessions;

	static final class Hidden {

		private final String value = "built";

		private Hidden() {
		}

	}

	private record Row(long id, String name) {
	}

	@Test
	void recordsAreBuiltThroughTheirCachedCanonicalConstructor() {
		AccessibleObjectFactory factory = new AccessibleObjectFactory();
		List<Class<?>> types = List.of(long.class, String.class);
		Row first = factory.create(Row.class, types, List.of(7L, "甲"));
		Row second = factory.create(Row.class, types, List.of(8L, "乙"));
		assertThat(first).isEqualTo(new Row(7L, "甲"));
		assertThat(second).isEqualTo(new Row(8L, "乙"));
		assertThat(factory.cached()).isEqualTo(1);
	}

	@Test
	void packagePrivateClassesAreBuiltThroughOneCachedConstructor() {
		AccessibleObjectFactory factory = new AccessibleObjectFactory();
		Hidden first = factory.create(Hidden.class);
		Hidden second = factory.create(Hidden.class);
		assertThat(first.value).isEqualTo("built");
		assertThat(second).isNotSameAs(first);
		assertThat(factory.cached()).isEqualTo(1);
		// Interfaces stay MyBatis's: a List is an ArrayList, a Map a HashMap.
		assertThat(factory.create(List.class)).isInstanceOf(ArrayList.class);
		assertThat(factory.create(Map.class)).isInstanceOf(java.util.HashMap.class);
		assertThat(factory.create(StringBuilder.class, List.of(String.class), List.of("x")).toString()).isEqualTo("x");
	}

	@Test
	void theApplicationsMyBatisUsesIt() {
		assertThat(this.sessions.getConfiguration().getObjectFactory()).isInstanceOf(AccessibleObjectFactory.class);
	}

}
