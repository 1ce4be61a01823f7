package cn.wenming.practice.need;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Days passing for a submitted need, for tests that cannot move the server's clock (the console's
 * browser test, whose server runs on the system clock with the deadline job off): its review is made
 * two days overdue and the deadline rules themselves ({@link NeedDeadlines}) escalate it to the 所;
 * for the center its escalation is then made as old as the second period and the rules run again.
 */
public final class OverdueNeedsDrill {

	private OverdueNeedsDrill() {
	}

	public static void escalate(ApplicationContext context, long needId, boolean toCenter) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		NeedDeadlines deadlines = context.getBean(NeedDeadlines.class);
		NeedProperties properties = context.getBean(NeedProperties.class);
		long reviewOverdue = properties.reviewWithin().plusHours(1).toSeconds();
		requireOne(jdbc.update("""
				UPDATE need SET created_at = created_at - INTERVAL ? SECOND
				WHERE id = ? AND status = 'SUBMITTED' AND escalation_level IS NULL""", reviewOverdue, needId), needId);
		deadlines.run();
		if (toCenter) {
			long againOverdue = properties.escalateAgainAfter().plusHours(1).toSeconds();
			requireOne(jdbc.update("""
					UPDATE need SET escalated_at = escalated_at - INTERVAL ? SECOND
					WHERE id = ? AND escalation_level = 'INSTITUTE'""", againOverdue, needId), needId);
			deadlines.run();
		}
	}

	private static void requireOne(int rows, long needId) {
		if (rows != 1) {
			throw new IllegalStateException("need " + needId + " is not in the state the drill expects");
		}
	}

}
