package cn.wenming.practice.shared;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Instants as UTC wall time in {@code DATETIME} columns, bound and read as {@link LocalDateTime}.
 * <p>
 * MyBatis's own handler goes through {@link java.sql.Timestamp}, and Connector/J formats every
 * bound Timestamp with a new {@code SimpleDateFormat} and {@code Calendar} and reads one back through
 * another Calendar: 4–5 % of a redemption's server samples (docs/performance.md §7, run P1). A
 * LocalDateTime is written with a shared {@code DateTimeFormatter} and read without a Calendar. The
 * stored value is the same: with {@code connectionTimeZone=UTC} Connector/J formats a Timestamp in
 * UTC, and every column here is a {@code DATETIME}, which the server keeps as written whatever its
 * own or the JVM's time zone ({@code UtcInstantTypeHandlerTest}).
 */
final class UtcInstantTypeHandler extends BaseTypeHandler<Instant> {

	@Override
	public void setNonNullParameter(PreparedStatement ps, int i, Instant parameter, JdbcType jdbcType)
			throws SQLException {
		ps.setObject(i, LocalDateTime.ofInstant(parameter, ZoneOffset.UTC));
	}

	@Override
	public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
		return utc(rs.getObject(columnName, LocalDateTime.class));
	}

	@Override
	public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
		return utc(rs.getObject(columnIndex, LocalDateTime.class));
	}

	@Override
	public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
		return utc(cs.getObject(columnIndex, LocalDateTime.class));
	}

	private static Instant utc(LocalDateTime wallTime) {
		return (wallTime != null) ? wallTime.toInstant(ZoneOffset.UTC) : null;
	}

}
