/**
 * 评估 (seed 004, issue 18): 站互评, where a station's admin rates another station of the same county
 * once a month on configurable items (1–5 each) with a comment, and 抽查评估, where a city or center
 * admin records a spot check of a station (date, scored items, total, findings). City and center
 * admins see the peer-review averages; a spot check is visible to the station's whole chain. Both are
 * correctable once recorded ({@code correctSpotCheck}, {@code correctPeerReview}: new scores or notes,
 * or a withdrawal, with a reason, an idempotency key and a trail), never by the judged station. It
 * answers the assessment's spot-check and peer-review figures through
 * {@link cn.wenming.practice.evaluation.EvaluationStatistics}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth", "org" })
package cn.wenming.practice.evaluation;
