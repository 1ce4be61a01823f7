package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface VolunteerTagMapper {

	String SKILL = "SKILL";

	String CATEGORY = "CATEGORY";

	/** IGNORE: tags equal under the column collation (e.g. differing only in case) collapse to one. */
	@Insert("""
			<script>
			INSERT IGNORE INTO volunteer_tag (volunteer_id, kind, value) VALUES
			<foreach collection="values" item="value" separator=",">(#{volunteerId}, #{kind}, #{value})</foreach>
			</script>
			""")
	int insertAll(@Param("volunteerId") long volunteerId, @Param("kind") String kind,
			@Param("values") Collection<String> values);

	@Select("""
			<script>
			SELECT volunteer_id, kind, value FROM volunteer_tag
			WHERE volunteer_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY volunteer_id, kind, value
			</script>
			""")
	List<TagRow> findByVolunteers(@Param("ids") Collection<Long> volunteerIds);

	/** One tag of one volunteer. */
	class TagRow {

		Long volunteerId;

		String kind;

		String value;

	}

}
