package cn.wenming.practice.lecture;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface LectureGroupMapper extends BaseMapper<LectureGroup> {

	default List<LectureGroup> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids.stream().distinct().toList());
	}

	@Insert("""
			<script>
			INSERT INTO lecture_group_member (group_id, lecturer_id) VALUES
			<foreach collection="lecturerIds" item="l" separator=",">(#{groupId}, #{l})</foreach>
			</script>
			""")
	int addMembers(@Param("groupId") long groupId, @Param("lecturerIds") Collection<Long> lecturerIds);

	/** (group id, lecturer id) pairs of the groups, in lecturer order. */
	@Select("""
			<script>
			SELECT group_id AS owner_id, lecturer_id FROM lecture_group_member
			WHERE group_id IN <foreach collection="groupIds" item="g" open="(" separator="," close=")">#{g}</foreach>
			ORDER BY group_id, lecturer_id
			</script>
			""")
	List<LecturerLink> members(@Param("groupIds") Collection<Long> groupIds);

	@Select("""
			<script>
			SELECT * FROM lecture_group
			WHERE org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<LectureGroup> pageInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("afterId") Long afterId,
			@Param("limit") int limit);

	/** A group's or a lecture's lecturer. */
	record LecturerLink(long ownerId, long lecturerId) {
	}

}
