package cn.wenming.practice.evaluation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface PeerReviewMapper extends BaseMapper<PeerReview> {

	@Insert("""
			<script>
			INSERT INTO peer_review_score (review_id, item_id, score) VALUES
			<foreach collection="scores" index="item" item="score" separator=",">(#{reviewId}, #{item}, #{score})</foreach>
			</script>
			""")
	int addScores(@Param("reviewId") long reviewId, @Param("scores") Map<Long, Integer> scores);

	@Select("""
			<script>
			SELECT s.review_id, s.item_id, i.name AS item_name, s.score FROM peer_review_score s
			JOIN peer_review_item i ON i.id = s.item_id
			WHERE s.review_id IN <foreach collection="ids" item="r" open="(" separator="," close=")">#{r}</foreach>
			ORDER BY s.review_id, s.item_id
			</script>
			""")
	List<Score> scoresOf(@Param("ids") Collection<Long> reviewIds);

	@Select("""
			SELECT * FROM peer_review WHERE reviewer_station_id = #{stationId} AND period = #{period} ORDER BY id
			""")
	List<PeerReview> givenBy(@Param("stationId") long stationId, @Param("period") String period);

	/** Per reviewed station and item (withdrawn reviews left out): the number of scores and their sum, for the period. */
	@Select("""
			<script>
			SELECT r.reviewed_station_id AS station_id, s.item_id, i.name AS item_name,
			       COUNT(*) AS scores, SUM(s.score) AS score_sum
			FROM peer_review r JOIN peer_review_score s ON s.review_id = r.id
			JOIN peer_review_item i ON i.id = s.item_id
			WHERE r.period = #{period} AND r.withdrawn_at IS NULL
			  AND r.reviewed_station_id IN <foreach collection="stationIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			GROUP BY r.reviewed_station_id, s.item_id, i.name
			ORDER BY r.reviewed_station_id, s.item_id
			</script>
			""")
	List<ItemTotal> itemTotals(@Param("stationIds") Collection<Long> stationIds, @Param("period") String period);

	/** Per reviewed station (withdrawn reviews left out): the number of reviews and the sum of their averages, for the period. */
	@Select("""
			<script>
			SELECT reviewed_station_id AS station_id, COUNT(*) AS reviews, SUM(average) AS average_sum
			FROM peer_review
			WHERE period = #{period} AND withdrawn_at IS NULL
			  AND reviewed_station_id IN <foreach collection="stationIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			GROUP BY reviewed_station_id
			</script>
			""")
	List<StationTotal> stationTotals(@Param("stationIds") Collection<Long> stationIds, @Param("period") String period);

	@Select("SELECT * FROM peer_review WHERE id = #{id} FOR UPDATE")
	PeerReview lockById(@Param("id") long id);

	@org.apache.ibatis.annotations.Delete("DELETE FROM peer_review_score WHERE review_id = #{reviewId}")
	int deleteScores(@Param("reviewId") long reviewId);

	/** Writes what a correction may change (the comment may become null, which updateById would skip). */
	@org.apache.ibatis.annotations.Update("""
			UPDATE peer_review SET average = #{r.average}, comment = #{r.comment}, withdrawn_at = #{r.withdrawnAt}
			WHERE id = #{r.id}
			""")
	int writeCorrection(@Param("r") PeerReview review);

	record Score(long reviewId, long itemId, String itemName, int score) {
	}

	record ItemTotal(long stationId, long itemId, String itemName, long scores, BigDecimal scoreSum) {
	}

	record StationTotal(long stationId, long reviews, BigDecimal averageSum) {
	}

}
