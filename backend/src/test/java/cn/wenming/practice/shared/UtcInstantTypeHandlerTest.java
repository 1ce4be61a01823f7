package cn.wenming.practice.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;
import java.util.TimeZone;

import javax.sql.DataSource;

import cn.wenming.practice.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.type.JdbcType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instants go to MySQL as UTC wall time through {@link UtcInstantTypeHandler}, the same value
 * MyBatis's Timestamp-based handler wrote, whatever the JVM's time zone.
 */
@IntegrationTest
class UtcInstantTypeHandlerTest {

	@Autowired
	SqlSessionFactory sessions;

	@Autowired
	DataSource dataSource;

	@Test
	void theApplicationsMyBatisBindsInstantsThroughIt() {
		assertThat(this.sessions.getConfiguration().getTypeHandlerRegistry().getTypeHandler(Instant.class))
			.isInstanceOf(UtcInstantTypeHandler.class);
	}

	@Test
	void writesAndReadsWhatTheTimestampPathDidInAnyJvmTimeZone() throws Exception {
		HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
		Properties properties = new Properties();
		properties.putAll(hikari.getDataSourceProperties());
		properties.setProperty("user", hikari.getUsername());
		properties.setProperty("password", (hikari.getPassword() != null) ? hikari.getPassword() : "");
		UtcInstantTypeHandler handler = new UtcInstantTypeHandler();
		// A spring-forward night in Los Angeles and an ordinary day in 上海.
		Instant[] instants = { Instant.parse("2026-03-08T10:30:45Z"), Instant.parse("2026-12-06T16:00:01Z") };
		TimeZone original = TimeZone.getDefault();
		for (String zone : new String[] { "UTC", "Asia/Shanghai", "America/Los_Angeles" }) {
			TimeZone.setDefault(TimeZone.getTimeZone(zone));
			// A new connection: Connector/J reads the JVM's zone when it connects.
			try (Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TEMPORARY TABLE instant_check (id INT PRIMARY KEY, at DATETIME(3) NULL)");
				for (Instant instant : instants) {
					try (PreparedStatement insert = connection
						.prepareStatement("INSERT INTO instant_check (id, at) VALUES (1, ?), (2, ?), (3, ?)")) {
						handler.setParameter(insert, 1, instant, null);
						insert.setTimestamp(2, Timestamp.from(instant));
						// MyBatis's jdbcTypeForNull, which a null parameter is bound as.
						handler.setParameter(insert, 3, null, JdbcType.OTHER);
						insert.executeUpdate();
					}
					try (ResultSet rows = statement
						.executeQuery("SELECT id, at, CAST(at AS CHAR) AS wall FROM instant_check ORDER BY id")) {
						String utcWallTime = instant.toString().replace('T', ' ').replace("Z", ".000");
						for (int id = 1; id <= 2; id++) {
							assertThat(rows.next()).isTrue();
							assertThat(rows.getString("wall")).as("row %d in %s", id, zone).isEqualTo(utcWallTime);
							assertThat(handler.getResult(rows, "at")).as("row %d in %s", id, zone).isEqualTo(instant);
							assertThat(rows.getTimestamp("at").toInstant()).as("row %d in %s", id, zone).isEqualTo(instant);
						}
						assertThat(rows.next()).isTrue();
						assertThat(handler.getResult(rows, 2)).isNull();
					}
					statement.execute("DELETE FROM instant_check");
				}
			}
			finally {
				TimeZone.setDefault(original);
			}
		}
	}

}
