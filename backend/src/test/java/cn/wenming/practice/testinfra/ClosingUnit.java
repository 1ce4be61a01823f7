package cn.wenming.practice.testinfra;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

/**
 * A close of an org unit caught between its guards and its commit, from a second JDBC connection:
 * the unit's row is locked for update (as {@code closeOrgUnit} locks it before asking its guards),
 * a call that adds work to the unit runs meanwhile, and once that call's statement is waiting on
 * the row (or the call is over) the unit is closed and the close commits. Work that takes
 * {@code OrgDirectory.lockIfOpen} in its transaction then finds the unit closed; work that only read
 * {@code open} before its insert lands in the closed unit.
 */
public final class ClosingUnit {

	private ClosingUnit() {
	}

	/**
	 * Runs {@code call} while the close of {@code unitId} is in flight and returns its result;
	 * {@code insertPrefix} is the start of the call's insert (e.g. {@code "INSERT INTO team"}), which
	 * without the lock waits on the row for its foreign key check.
	 */
	public static <T> T closeDuring(DataSource dataSource, long unitId, String insertPrefix, Callable<T> call)
			throws Exception {
		return HeldRow.commitWhileWaiting(dataSource, "org_unit", unitId,
				List.of("%FROM org_unit%LOCK IN SHARE MODE%", insertPrefix + "%"), call, connection -> {
					try (PreparedStatement update = connection
						.prepareStatement("UPDATE org_unit SET status = 'CLOSED', version = version + 1 WHERE id = ?")) {
						update.setLong(1, unitId);
						update.executeUpdate();
					}
				});
	}

}
