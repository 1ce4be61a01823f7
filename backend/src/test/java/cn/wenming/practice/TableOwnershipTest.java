package cn.wenming.practice;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has exactly one owning module, and only that module's mappers read or write it — no
 * exceptions: not a join, not a subquery, not a lock. Other modules go through the owner's public
 * beans (directories and statistics with batch methods, such as {@code OrgDirectory.subtreeIds} for
 * scoping rows to an org subtree or {@code OrgDirectory.lockIfOpen} for serialising work against
 * closing a unit), so a table can change shape without a hunt through the code base, and a
 * module's statement counts stay fixed because those methods take and return whole batches.
 *
 * <p>Ownership is declared here, table by table in {@link #OWNERS}, rather than derived from the
 * {@code @TableName} entities: a third of the tables have no entity (tags, members, grants,
 * accounts, counters, ShedLock's), and deriving it from where an entity happens to live would let a
 * misplaced entity make its own module the owner. One line per table keeps a move of a table to
 * another module a one-line change, and the migrations are checked against the list, so a new
 * table cannot slip by without an owner.
 *
 * <p>What is checked: the SQL of every {@code @Select/@Insert/@Update/@Delete} of every
 * {@code @Mapper} interface below {@code cn.wenming.practice} (MyBatis' dynamic tags and parameters
 * stripped, then parsed by JSqlParser), and the {@code @TableName} of every {@code BaseMapper<T>}'s
 * entity (its wrapper queries). Main code has no other SQL: {@code JdbcTemplate} appears only in
 * ShedLock's configuration, which {@link #jdbcTemplateOnlyWhereListed} keeps that way.
 */
class TableOwnershipTest {

	/** Table → owning module (the package below {@code cn.wenming.practice}). */
	static final Map<String, String> OWNERS = Map.ofEntries(
			// shared: technical tables only
			entry("shedlock", "shared"),
			// Spring Modulith's event publication registry (its own JDBC statements, no mapper)
			entry("event_publication", "shared"),
			// auth
			entry("app_user", "auth"),
			entry("refresh_token", "auth"),
			entry("user_role", "auth"),
			entry("user_role_event", "auth"),
			entry("bootstrap_admin_grant", "auth"),
			// org
			entry("org_unit", "org"),
			entry("civilized_unit", "org"),
			entry("civilized_unit_pairing", "org"),
			// recognition
			entry("recognition_rule", "recognition"),
			entry("recognition_rule_grant", "recognition"),
			entry("honour", "recognition"),
			entry("outstanding_candidate", "recognition"),
			entry("team_certification", "recognition"),
			// lecture
			entry("lecturer", "lecture"),
			entry("lecture_group", "lecture"),
			entry("lecture_group_member", "lecture"),
			entry("lecture", "lecture"),
			entry("lecture_speaker", "lecture"),
			// civic
			entry("civic_report", "civic"),
			entry("civic_report_history", "civic"),
			// evaluation
			entry("peer_review_item", "evaluation"),
			entry("peer_review", "evaluation"),
			entry("peer_review_score", "evaluation"),
			entry("spot_check", "evaluation"),
			entry("spot_check_item", "evaluation"),
			entry("spot_check_correction", "evaluation"),
			entry("peer_review_correction", "evaluation"),
			// report
			entry("work_report", "report"),
			// volunteer
			entry("volunteer", "volunteer"),
			entry("volunteer_tag", "volunteer"),
			entry("volunteer_training", "volunteer"),
			entry("volunteer_honor_hours", "volunteer"),
			entry("volunteer_party_change", "volunteer"),
			entry("staff_training", "volunteer"),
			entry("staff_training_attendee", "volunteer"),
			entry("staff_training_correction", "volunteer"),
			// team
			entry("team", "team"),
			entry("team_tag", "team"),
			entry("team_member", "team"),
			entry("team_join_request", "team"),
			// need
			entry("need", "need"),
			entry("need_category", "need"),
			entry("need_history", "need"),
			entry("need_participant", "need"),
			entry("need_hours_adjustment", "need"),
			entry("need_fulfilment_list", "need"),
			entry("need_hours_rollup", "need"),
			entry("need_hours_repair", "need"),
			entry("need_beneficiary_correction", "need"),
			// activity
			entry("activity", "activity"),
			entry("activity_sign_up", "activity"),
			entry("activity_skill", "activity"),
			entry("activity_rating", "activity"),
			entry("service_certificate", "activity"),
			entry("activity_hours_rollup", "activity"),
			entry("activity_hours_repair", "activity"),
			entry("activity_beneficiary_correction", "activity"),
			entry("activity_hours_adjustment", "activity"),
			// projects (服务清单)
			entry("project", "project"),
			entry("project_need_rating", "project"),
			entry("project_task", "project"),
			entry("project_task_log", "project"),
			entry("project_brand_change", "project"),
			// points ledger
			entry("points_account", "points"),
			entry("points_award_void", "points"),
			entry("points_entry", "points"),
			entry("points_repair", "points"),
			entry("points_rollup", "points"),
			// 爱心超市 store
			entry("reward", "store"),
			entry("reward_user_count", "store"),
			entry("reward_stock", "store"),
			entry("redemption", "store"),
			// leaderboard, notification, media, mp
			entry("leaderboard_preference", "leaderboard"),
			entry("notification", "notification"),
			entry("notification_subscription", "notification"),
			entry("notification_acceptance", "notification"),
			entry("media_photo", "media"),
			entry("mp_follower", "mp"));

	private static final String BASE_PACKAGE = "cn.wenming.practice";

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path MAIN_SOURCES = Path.of("src/main/java");

	/** Main-code files allowed to use JdbcTemplate, with why. */
	private static final Set<String> JDBC_TEMPLATE_USERS = Set.of(
			// ShedLock's lock provider: its own statements on its own table (shedlock, owned by shared).
			"cn/wenming/practice/shared/SchedulerLockConfig.java");

	@Test
	void everyMapperTouchesOnlyTablesOfItsModule() throws Exception {
		List<String> violations = new ArrayList<>();
		List<Class<?>> mappers = mappers();
		assertThat(mappers).as("mappers found by classpath scanning").hasSizeGreaterThan(30);
		for (Class<?> mapper : mappers) {
			String module = moduleOf(mapper);
			String entityTable = entityTable(mapper);
			if (entityTable != null) {
				check(violations, module, mapper, "BaseMapper entity", Set.of(entityTable));
			}
			for (Method method : mapper.getDeclaredMethods()) {
				String sql = sqlOf(method);
				if (sql != null) {
					try {
						check(violations, module, mapper, method.getName(), tablesOf(sql));
					}
					catch (AssertionError ex) {
						violations.add(module + ":" + mapper.getSimpleName() + "." + method.getName() + ": " + ex.getMessage()
								+ ((ex.getCause() != null) ? " " + ex.getCause().getMessage().lines().findFirst().orElse("") : ""));
					}
				}
			}
		}
		assertThat(violations).as("mapper statements touching a table their module does not own").isEmpty();
	}

	@Test
	void everyMigratedTableHasAnOwner() throws IOException {
		Set<String> created = createdTables();
		assertThat(created).as("tables created by the migrations").hasSizeGreaterThan(30);
		assertThat(OWNERS.keySet()).as("tables without an owner in OWNERS").containsAll(created);
		assertThat(created).as("OWNERS lists tables no migration creates").containsAll(OWNERS.keySet());
	}

	@Test
	void ownersAreModules() {
		Set<String> modules = new TreeSet<>();
		try (Stream<Path> dirs = Files.list(MAIN_SOURCES.resolve(BASE_PACKAGE.replace('.', '/')))) {
			dirs.filter(Files::isDirectory).forEach(dir -> modules.add(dir.getFileName().toString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(modules).containsAll(new TreeSet<>(OWNERS.values()));
	}

	@Test
	void jdbcTemplateOnlyWhereListed() throws IOException {
		List<String> users = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				if (Files.readString(file).contains("JdbcTemplate")) {
					users.add(MAIN_SOURCES.relativize(file).toString().replace('\\', '/'));
				}
			}
		}
		assertThat(users).as("SQL outside mappers escapes the ownership check; list it here with its tables")
			.allMatch(JDBC_TEMPLATE_USERS::contains);
	}

	/** The check itself must see the tables of MyBatis' dynamic SQL. */
	@Test
	void tablesOfDynamicSql() {
		assertThat(tablesOf("""
				<script>
				SELECT r.user_id, u.path FROM user_role r LEFT JOIN org_unit u ON u.id = r.org_unit_id
				WHERE r.user_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				<if test="afterId != null"> AND r.id &gt; #{afterId}</if>
				</script>
				""")).containsExactlyInAnyOrder("user_role", "org_unit");
		assertThat(tablesOf("INSERT IGNORE INTO user_role (user_id) SELECT id FROM org_unit WHERE level = 'CENTER'"))
			.containsExactlyInAnyOrder("user_role", "org_unit");
		assertThat(tablesOf("UPDATE team t JOIN team_member m ON m.team_id = t.id SET t.x = 1 WHERE m.user_id = #{u}"))
			.containsExactlyInAnyOrder("team", "team_member");
		assertThat(tablesOf("SELECT (SELECT GROUP_CONCAT(tt.value SEPARATOR ',') FROM team_tag tt) AS tags FROM team t"))
			.containsExactlyInAnyOrder("team", "team_tag");
	}

	private static void check(List<String> violations, String module, Class<?> mapper, String method,
			Set<String> tables) {
		for (String table : tables) {
			String owner = OWNERS.get(table);
			if (!module.equals(owner)) {
				violations.add("%s:%s.%s → %s%s".formatted(module, mapper.getSimpleName(), method, table,
						(owner != null) ? "" : " (no owner: add it to OWNERS)"));
			}
		}
	}

	private static List<Class<?>> mappers() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isInterface();
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(Mapper.class));
		List<Class<?>> mappers = new ArrayList<>();
		for (var definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
			mappers.add(Class.forName(definition.getBeanClassName()));
		}
		return mappers;
	}

	private static String moduleOf(Class<?> type) {
		String rest = type.getPackageName().substring(BASE_PACKAGE.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	/** The table of {@code T} when the mapper extends {@code BaseMapper<T>}, else null. */
	private static String entityTable(Class<?> mapper) {
		for (Type type : mapper.getGenericInterfaces()) {
			if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == BaseMapper.class) {
				Class<?> entity = (Class<?>) parameterized.getActualTypeArguments()[0];
				TableName name = entity.getAnnotation(TableName.class);
				assertThat(name).as("@TableName on " + entity.getName()).isNotNull();
				return name.value().toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

	private static String sqlOf(Method method) {
		for (Annotation annotation : method.getAnnotations()) {
			String[] parts = null;
			if (annotation instanceof Select select) {
				parts = select.value();
			}
			else if (annotation instanceof Insert insert) {
				parts = insert.value();
			}
			else if (annotation instanceof Update update) {
				parts = update.value();
			}
			else if (annotation instanceof Delete delete) {
				parts = delete.value();
			}
			if (parts != null) {
				return String.join(" ", parts);
			}
		}
		return null;
	}

	private static final Pattern FOREACH = Pattern.compile("<foreach([^>]*)>(.*?)</foreach>", Pattern.DOTALL);

	private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

	/**
	 * The tables a MyBatis statement reads or writes. The dynamic parts become plain SQL first:
	 * {@code <foreach>} its open, body and close, {@code <if>} its body, parameters a placeholder.
	 */
	static Set<String> tablesOf(String mybatisSql) {
		String sql = mybatisSql.replaceAll("</?script>", " ");
		Matcher foreach = FOREACH.matcher(sql);
		StringBuilder out = new StringBuilder();
		while (foreach.find()) {
			Map<String, String> attributes = new TreeMap<>();
			Matcher attribute = ATTRIBUTE.matcher(foreach.group(1));
			while (attribute.find()) {
				attributes.put(attribute.group(1), attribute.group(2));
			}
			foreach.appendReplacement(out, Matcher.quoteReplacement(
					attributes.getOrDefault("open", "") + foreach.group(2) + attributes.getOrDefault("close", "")));
		}
		foreach.appendTail(out);
		sql = out.toString()
			.replaceAll("<if[^>]*>", " ")
			.replace("</if>", " ")
			.replaceAll("#\\{[^}]*}", "?")
			.replaceAll("\\$\\{[^}]*}", "x")
			.replace("&gt;", ">")
			.replace("&lt;", "<")
			.replace("&amp;", "&")
			// MySQL locking clauses JSqlParser 4.9 does not know; they name no table.
			.replaceAll("(?i)LOCK\\s+IN\\s+SHARE\\s+MODE", " ");
		assertThat(sql).as("MyBatis tags left in\n" + mybatisSql).doesNotContainPattern("</?[a-z]+[ >]");
		try {
			Set<String> tables = new TreeSet<>();
			for (String name : TablesNamesFinder.findTables(sql)) {
				tables.add(name.replace("`", "").toLowerCase(Locale.ROOT));
			}
			return tables;
		}
		catch (JSQLParserException ex) {
			throw new AssertionError("cannot parse\n" + sql, ex);
		}
	}

	private static final Pattern CREATE_TABLE = Pattern
		.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?", Pattern.CASE_INSENSITIVE);

	private static Set<String> createdTables() throws IOException {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				Matcher matcher = CREATE_TABLE.matcher(Files.readString(file));
				while (matcher.find()) {
					tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		return tables;
	}

}
