package cn.wenming.practice.need;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the need events as a {@code @TransactionalEventListener} consumer would see them, and
 * what a separate database connection saw at that moment: if the event arrived before the commit,
 * that connection would still see the old status. Part of the shared test context through
 * {@code @IntegrationTest}; it only observes.
 */
public class NeedEventRecorder {

	private final DataSource dataSource;

	private final List<Seen<NeedCompleted>> completed = new CopyOnWriteArrayList<>();

	private final List<Seen<NeedRated>> rated = new CopyOnWriteArrayList<>();

	private final List<Seen<NeedEscalated>> escalated = new CopyOnWriteArrayList<>();

	private final List<NeedSubmitted> submitted = new CopyOnWriteArrayList<>();

	public NeedEventRecorder(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** An event and the need's status read on another connection when it was delivered. */
	public record Seen<E>(E event, String statusOnOtherConnection) {
	}

	@TransactionalEventListener
	void on(NeedCompleted event) {
		this.completed.add(new Seen<>(event, statusOf(event.needId())));
	}

	@TransactionalEventListener
	void on(NeedRated event) {
		this.rated.add(new Seen<>(event, statusOf(event.needId())));
	}

	@TransactionalEventListener
	void on(NeedEscalated event) {
		this.escalated.add(new Seen<>(event, escalationOf(event.needId())));
	}

	@TransactionalEventListener
	void on(NeedSubmitted event) {
		this.submitted.add(event);
	}

	/** The submission event of the need as published (to deliver it again), if it was committed. */
	public List<NeedSubmitted> submittedOf(long needId) {
		return this.submitted.stream().filter(event -> event.needId() == needId).toList();
	}

	/** Escalations of the need, each with the need's escalation level read on another connection. */
	public List<Seen<NeedEscalated>> escalatedOf(long needId) {
		return this.escalated.stream().filter(seen -> seen.event().needId() == needId).toList();
	}

	public List<Seen<NeedCompleted>> completedOf(long needId) {
		return this.completed.stream().filter(seen -> seen.event().needId() == needId).toList();
	}

	public List<Seen<NeedRated>> ratedOf(long needId) {
		return this.rated.stream().filter(seen -> seen.event().needId() == needId).toList();
	}

	private String statusOf(long needId) {
		return column("status", needId);
	}

	private String escalationOf(long needId) {
		return column("escalation_level", needId);
	}

	/** Straight from the pool, not the connection bound to the publishing transaction. */
	private String column(String column, long needId) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection.prepareStatement("SELECT " + column + " FROM need WHERE id = ?")) {
			ps.setLong(1, needId);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
		catch (SQLException ex) {
			return "ERROR " + ex.getMessage();
		}
	}

}
