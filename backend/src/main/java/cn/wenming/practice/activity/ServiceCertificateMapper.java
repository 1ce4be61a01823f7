package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Certificates are inserted once and never changed. */
@Mapper
interface ServiceCertificateMapper extends BaseMapper<ServiceCertificate> {

	/** The summary of a certificate by its verification code, without the PDF. */
	@Select("""
			SELECT id, code, volunteer_id, service_year, activities_count, needs_count, credit_hours, need_hours,
			       honor_hours, masked_name,
			       issuing_unit_id, issuing_unit_name, content_hash, issued_by, issued_at
			FROM service_certificate WHERE code = #{code}
			""")
	ServiceCertificate findByCode(@Param("code") String code);

	@Select("SELECT * FROM service_certificate WHERE code = #{code}")
	ServiceCertificate findWithPdf(@Param("code") String code);

	/** An earlier certificate stating exactly the same record: asking again hands it out again. */
	@Select("""
			SELECT id, code, volunteer_id, service_year, activities_count, needs_count, credit_hours, need_hours,
			       honor_hours, masked_name,
			       issuing_unit_id, issuing_unit_name, content_hash, issued_by, issued_at
			FROM service_certificate
			WHERE volunteer_id = #{volunteerId} AND service_year = #{year} AND content_hash = #{hash}
			ORDER BY id LIMIT 1
			""")
	ServiceCertificate findSame(@Param("volunteerId") long volunteerId, @Param("year") int year,
			@Param("hash") String hash);

	/** One attended activity of a volunteer, as a certificate lists it. */
	record ActivityLine(long signUpId, String title, Instant startsAt, BigDecimal hours) {
	}

	/**
	 * The volunteer's confirmed, non-revoked activity hours for activities that ended in
	 * [{@code from}, {@code to}) (the same rule as {@code Volunteer.stats.hoursThisYear}).
	 */
	@Select("""
			SELECT s.id AS sign_up_id, a.title, a.starts_at, s.hours
			FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
			WHERE s.volunteer_id = #{volunteerId} AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
			  AND a.ends_at >= #{from} AND a.ends_at < #{to}
			ORDER BY a.starts_at, s.id
			""")
	List<ActivityLine> activityLines(@Param("volunteerId") long volunteerId, @Param("from") Instant from,
			@Param("to") Instant to);

}
