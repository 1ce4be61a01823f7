package cn.wenming.practice.volunteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Xlsx;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The volunteers based in a unit's subtree as an Excel workbook (issue 16), for the admins who may
 * list them ({@code volunteers(orgUnitId)}): the real name an admin covering them sees anyway, the
 * ID number only masked (nobody gets it in clear from an export), hours and star. Read page by
 * page ({@value #PAGE} rows, the mapper's keyset paging) rather than in one statement. Authorised by the bearer token, see {@link Xlsx}.
 */
@RestController
class VolunteerExport {

	static final String PATH = "/exports/volunteer/";

	static final int PAGE = 500;

	private final VolunteerMapper volunteers;

	private final OrgDirectory orgs;

	private final AccessControl access;

	VolunteerExport(VolunteerMapper volunteers, OrgDirectory orgs, AccessControl access) {
		this.volunteers = volunteers;
		this.orgs = orgs;
		this.access = access;
	}

	@GetMapping(PATH + "{orgUnitId}.xlsx")
	ResponseEntity<byte[]> download(@PathVariable long orgUnitId) {
		return Xlsx.download("志愿者-" + orgUnitId + ".xlsx", () -> {
			OrgUnitRef unit = this.orgs.require(orgUnitId);
			this.access.requireAdminOver(unit.path());
			List<Long> unitIds = this.orgs.subtreeIds(unit.path());
			Map<Long, OrgUnitRef> stations = this.orgs.findAll(unitIds);
			List<List<Object>> rows = new ArrayList<>();
			Long after = null;
			while (true) {
				List<Volunteer> page = this.volunteers.pageInUnits(unitIds, null, false, null, after, PAGE);
				for (Volunteer v : page) {
					OrgUnitRef station = stations.get(v.getHomeStationId());
					rows.add(Arrays.asList(v.getId(), v.getRealName(), v.getIdNumberMasked(),
							(station == null) ? "" : station.name(), v.getPartyMember(), v.getTrained(),
							v.getCreditHours(), v.getHonorHours(), v.getStar(), v.getCreatedAt()));
				}
				if (page.size() < PAGE) {
					break;
				}
				after = page.get(page.size() - 1).getId();
			}
			return Xlsx.book()
				.sheet("志愿者", List.of("编号", "姓名", "身份证号（掩码）", "所属站", "党员", "已培训", "信用时长", "荣誉时长", "星级", "注册时间"),
						rows);
		});
	}

}
