package cn.wenming.practice.org;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface OrgUnitMapper extends BaseMapper<OrgUnit> {

	/** What this creator made with this idempotency key, if anything. */
	@Select("SELECT id, request_digest FROM org_unit WHERE created_by = #{creator} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("creator") long creator, @Param("key") String key);

	default List<OrgUnit> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

	/**
	 * Locks the rows (current, committed values) until the transaction ends. Rows are locked in id
	 * order so that two writers locking the same pair cannot deadlock each other.
	 */
	@Select("""
			<script>
			SELECT * FROM org_unit
			WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY id FOR UPDATE
			</script>
			""")
	List<OrgUnit> lockByIds(@Param("ids") Collection<Long> ids);

	/** Share-locks the unit's row if it is open; null when it is closed or missing. */
	@Select("SELECT id FROM org_unit WHERE id = #{id} AND status = 'OPEN' LOCK IN SHARE MODE")
	Long shareLockIfOpen(@Param("id") long id);

	default OrgUnit lockById(long id) {
		List<OrgUnit> rows = lockByIds(List.of(id));
		return rows.isEmpty() ? null : rows.get(0);
	}

	/**
	 * The unit {@code rootId} and everything below it, in one statement: an indexed prefix scan on
	 * the root's path. Empty if there is no such unit.
	 */
	@Select("""
			SELECT d.* FROM org_unit r JOIN org_unit d ON d.path LIKE CONCAT(r.path, '%')
			WHERE r.id = #{rootId}
			""")
	List<OrgUnit> subtree(@Param("rootId") long rootId);

	/** The units {@code rootIds} and everything below each, in one statement (each unit once). */
	@Select("""
			<script>
			SELECT DISTINCT d.* FROM org_unit r JOIN org_unit d ON d.path LIKE CONCAT(r.path, '%')
			WHERE r.id IN
			<foreach collection="rootIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			</script>
			""")
	List<OrgUnit> subtrees(@Param("rootIds") Collection<Long> rootIds);

	default List<OrgUnit> childrenPage(long parentId, Long afterId, int limit) {
		return selectList(new LambdaQueryWrapper<OrgUnit>().eq(OrgUnit::getParentId, parentId)
			.gt(afterId != null, OrgUnit::getId, afterId)
			.orderByAsc(OrgUnit::getId)
			.last("LIMIT " + limit));
	}

	default List<OrgUnit> childrenOf(Collection<Long> parentIds) {
		return parentIds.isEmpty() ? List.of()
				: selectList(new LambdaQueryWrapper<OrgUnit>()
					.in(OrgUnit::getParentId, parentIds)
					.orderByAsc(OrgUnit::getId));
	}

	default long countOpenChildren(long parentId) {
		return selectCount(new LambdaQueryWrapper<OrgUnit>()
			.eq(OrgUnit::getParentId, parentId)
			.eq(OrgUnit::getStatus, OrgUnit.OPEN));
	}

	/** Open stations that have coordinates: what the 15-minute circle index holds. */
	default List<OrgUnit> openStationsWithCoordinates() {
		return selectList(new LambdaQueryWrapper<OrgUnit>().select(OrgUnit::getId, OrgUnit::getLatitude, OrgUnit::getLongitude)
			.eq(OrgUnit::getLevel, OrgLevel.STATION)
			.eq(OrgUnit::getStatus, OrgUnit.OPEN)
			.isNotNull(OrgUnit::getLatitude)
			.isNotNull(OrgUnit::getLongitude));
	}

	/** Open stations with coordinates inside a latitude/longitude box (the MySQL fallback of the index). */
	default List<OrgUnit> openStationsWithin(double minLat, double maxLat, double minLon, double maxLon) {
		return selectList(new LambdaQueryWrapper<OrgUnit>().eq(OrgUnit::getLevel, OrgLevel.STATION)
			.eq(OrgUnit::getStatus, OrgUnit.OPEN)
			.between(OrgUnit::getLatitude, minLat, maxLat)
			.between(OrgUnit::getLongitude, minLon, maxLon));
	}

	/**
	 * Id and coordinates of the units of the subtree at {@code path} and of the units {@code ids}:
	 * an indexed prefix scan on the path plus a primary-key lookup.
	 */
	default List<OrgUnit> locationsInSubtreeOr(String path, Collection<Long> ids) {
		return selectList(new LambdaQueryWrapper<OrgUnit>()
			.select(OrgUnit::getId, OrgUnit::getLatitude, OrgUnit::getLongitude)
			.likeRight(OrgUnit::getPath, path)
			.or(!ids.isEmpty(), wrapper -> wrapper.in(OrgUnit::getId, ids)));
	}

	default List<Long> idsInSubtree(String path) {
		return selectList(new LambdaQueryWrapper<OrgUnit>().select(OrgUnit::getId).likeRight(OrgUnit::getPath, path))
			.stream()
			.map(OrgUnit::getId)
			.toList();
	}

	/** Ids of the open centers, by id. */
	default List<Long> openCenterIds() {
		return selectList(new LambdaQueryWrapper<OrgUnit>().select(OrgUnit::getId)
			.eq(OrgUnit::getLevel, OrgLevel.CENTER)
			.eq(OrgUnit::getStatus, OrgUnit.OPEN)
			.orderByAsc(OrgUnit::getId)).stream().map(OrgUnit::getId).toList();
	}

	/** Second step of an insert: the path needs the generated id. */
	@Update("UPDATE org_unit SET path = #{path} WHERE id = #{id}")
	int setPath(@Param("id") long id, @Param("path") String path);

	@Update("""
			UPDATE org_unit SET name = #{name}, version = version + 1, updated_at = #{now}
			WHERE id = #{id} AND version = #{version}
			""")
	int rename(@Param("id") long id, @Param("version") int version, @Param("name") String name,
			@Param("now") Instant now);

	@Update("""
			UPDATE org_unit SET phone = #{phone}, version = version + 1, updated_at = #{now}
			WHERE id = #{id} AND version = #{version}
			""")
	int updatePhone(@Param("id") long id, @Param("version") int version, @Param("phone") String phone,
			@Param("now") Instant now);

	@Update("""
			UPDATE org_unit SET address = #{address}, region_code = #{regionCode}, latitude = #{latitude},
			    longitude = #{longitude}, version = version + 1, updated_at = #{now}
			WHERE id = #{id} AND version = #{version}
			""")
	int updateLocation(@Param("id") long id, @Param("version") int version, @Param("address") String address,
			@Param("regionCode") String regionCode, @Param("latitude") java.math.BigDecimal latitude,
			@Param("longitude") java.math.BigDecimal longitude, @Param("now") Instant now);

	@Update("""
			UPDATE org_unit SET parent_id = #{parentId}, version = version + 1, updated_at = #{now}
			WHERE id = #{id} AND version = #{version}
			""")
	int reparent(@Param("id") long id, @Param("version") int version, @Param("parentId") long parentId,
			@Param("now") Instant now);

	/**
	 * Rewrites the path prefix of a whole subtree in one statement. Every row's version moves on, so
	 * an optimistic writer holding a stale copy of any of them gets a conflict.
	 */
	@Update("""
			UPDATE org_unit SET path = CONCAT(#{newPrefix}, SUBSTRING(path, CHAR_LENGTH(#{oldPrefix}) + 1)),
			    version = version + 1, updated_at = #{now}
			WHERE path LIKE CONCAT(#{oldPrefix}, '%')
			""")
	int rewritePaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix,
			@Param("now") Instant now);

	@Update("""
			UPDATE org_unit SET status = 'CLOSED', version = version + 1, updated_at = #{now}
			WHERE id = #{id} AND version = #{version}
			""")
	int close(@Param("id") long id, @Param("version") int version, @Param("now") Instant now);

}
