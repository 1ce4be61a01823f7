package cn.wenming.practice.recognition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.team.IdentifiedTeam;
import cn.wenming.practice.volunteer.IdentifiedVolunteer;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * 礼遇与嘉许: rules ({@code createRecognitionRule}, {@code approveRecognitionRule},
 * {@code rejectRecognitionRule}, {@code withdrawRecognitionRule}, {@code disableRecognitionRule},
 * {@code recognitionRules}), honours ({@code honours}, {@code revokeHonour}, {@code Volunteer.honours}),
 * 优秀志愿者 ({@code proposeOutstandingVolunteers}, {@code outstandingCandidates},
 * {@code decideOutstandingCandidate}) and team stars ({@code certifyTeamStars},
 * {@code teamCertifications}, {@code Team.certifiedStars}). Authorization is in
 * {@link RecognitionService}; fields of lists are batched.
 */
@Controller
class RecognitionController {

	private final RecognitionService service;

	private final HonourMapper honours;

	private final TeamCertificationMapper certifications;

	private final VolunteerDirectory volunteers;

	RecognitionController(RecognitionService service, HonourMapper honours, TeamCertificationMapper certifications,
			VolunteerDirectory volunteers) {
		this.service = service;
		this.honours = honours;
		this.certifications = certifications;
		this.volunteers = volunteers;
	}

	record CreateRecognitionRuleInput(@NotNull Long orgUnitId, @NotBlank @Size(max = 40) String name,
			@NotNull RecognitionTrigger trigger, @NotNull Double threshold,
			@Min(0) @Max(100000) Integer bonusPoints, @Size(max = 40) String honourTitle,
			@Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	record ProposeOutstandingInput(@NotNull Long orgUnitId, @NotNull @Min(2000) @Max(2100) Integer year,
			Double minHours) {
	}

	record DecideOutstandingInput(@NotNull Long candidateId, @NotNull Boolean approve,
			@Size(max = 200) String note) {
	}

	record CertifyTeamStarsInput(@NotNull Long teamId, @NotNull @Min(1) @Max(5) Integer stars,
			@NotBlank @Size(max = 200) String reason, @NotBlank @Size(max = 10) String certifiedOn) {
	}

	enum RecognitionTrigger {

		STAR_LEVEL, CREDIT_HOURS

	}

	@MutationMapping
	RecognitionRule.RuleView createRecognitionRule(@Argument @Valid CreateRecognitionRuleInput input) {
		return this.service.createRule(new RecognitionService.CreateRule(input.orgUnitId(), input.name(),
				input.trigger().name(), input.threshold(), (input.bonusPoints() == null) ? 0 : input.bonusPoints(),
				input.honourTitle(), input.idempotencyKey()));
	}

	@MutationMapping
	RecognitionRule.RuleView disableRecognitionRule(@Argument long id) {
		return this.service.disableRule(id);
	}

	@MutationMapping
	RecognitionRule.RuleView approveRecognitionRule(@Argument long id) {
		return this.service.approveRule(id);
	}

	@MutationMapping
	RecognitionRule.RuleView rejectRecognitionRule(@Argument long id,
			@Argument @NotBlank @Size(max = 200) String reason) {
		return this.service.rejectRule(id, reason);
	}

	@MutationMapping
	RecognitionRule.RuleView withdrawRecognitionRule(@Argument long id) {
		return this.service.withdrawRule(id);
	}

	@MutationMapping
	Honour.HonourView revokeHonour(@Argument long id, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.service.revokeHonour(id, reason);
	}

	@MutationMapping
	int proposeOutstandingVolunteers(@Argument @Valid ProposeOutstandingInput input) {
		return this.service.propose(new RecognitionService.Propose(input.orgUnitId(), input.year(),
				(input.minHours() == null) ? 100 : input.minHours()));
	}

	@MutationMapping
	OutstandingCandidate.CandidateView decideOutstandingCandidate(@Argument @Valid DecideOutstandingInput input) {
		return this.service.decide(new RecognitionService.Decide(input.candidateId(), input.approve(), input.note()));
	}

	@MutationMapping
	TeamCertification.CertificationView certifyTeamStars(@Argument @Valid CertifyTeamStarsInput input) {
		return this.service.certify(new RecognitionService.Certify(input.teamId(), input.stars(), input.reason(),
				input.certifiedOn()));
	}

	@QueryMapping
	List<RecognitionRule.RuleView> recognitionRules(@Argument long orgUnitId) {
		return this.service.rules(orgUnitId);
	}

	@QueryMapping
	Connection<Honour.HonourView> honours(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.honours(orgUnitId, first, after);
	}

	@QueryMapping
	Connection<OutstandingCandidate.CandidateView> outstandingCandidates(@Argument long orgUnitId,
			@Argument @Min(2000) @Max(2100) int year, @Argument String status,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.candidates(orgUnitId, year, status, first, after);
	}

	@QueryMapping
	List<TeamCertification.CertificationView> teamCertifications(@Argument long teamId) {
		return this.service.certifications(teamId);
	}

	@BatchMapping(typeName = "Volunteer", field = "honours")
	List<List<Honour.HonourView>> volunteerHonours(List<IdentifiedVolunteer> list) {
		Map<Long, List<Honour.HonourView>> byVolunteer = this.honours
			.heldBy(list.stream().map(IdentifiedVolunteer::getId).distinct().toList())
			.stream()
			.map(Honour::view)
			.collect(Collectors.groupingBy(Honour.HonourView::volunteerId));
		return list.stream().map(v -> byVolunteer.getOrDefault(v.getId(), List.of())).toList();
	}

	/** A map, since a batch list may not hold null (an uncertified team). */
	@BatchMapping(typeName = "Team", field = "certifiedStars")
	Map<IdentifiedTeam, Integer> certifiedStars(List<IdentifiedTeam> teams) {
		Map<Long, Integer> stars = this.certifications
			.latest(teams.stream().map(IdentifiedTeam::getId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(c -> c.teamId, c -> c.stars));
		Map<IdentifiedTeam, Integer> result = new HashMap<>();
		teams.forEach(t -> {
			if (stars.containsKey(t.getId())) {
				result.put(t, stars.get(t.getId()));
			}
		});
		return result;
	}

	@BatchMapping(typeName = "RecognitionRule", field = "createdByName")
	List<String> ruleCreatedByName(List<RecognitionRule.RuleView> list) {
		Map<Long, String> names = this.volunteers
			.displayNames(list.stream().map(RecognitionRule.RuleView::createdById).distinct().toList());
		return list.stream()
			.map(r -> Objects.requireNonNullElse(names.get(r.createdById()), "用户 " + r.createdById()))
			.toList();
	}

	/** A map, since a batch list may not hold null (a rule not decided, or set before four eyes). */
	@BatchMapping(typeName = "RecognitionRule", field = "decidedByName")
	Map<RecognitionRule.RuleView, String> ruleDecidedByName(List<RecognitionRule.RuleView> list) {
		Map<Long, String> names = this.volunteers.displayNames(
				list.stream().map(RecognitionRule.RuleView::decidedById).filter(Objects::nonNull).distinct().toList());
		Map<RecognitionRule.RuleView, String> result = new HashMap<>();
		list.stream()
			.filter(r -> r.decidedById() != null)
			.forEach(r -> result.put(r, Objects.requireNonNullElse(names.get(r.decidedById()), "用户 " + r.decidedById())));
		return result;
	}

	@BatchMapping(typeName = "Honour", field = "volunteerName")
	List<String> honourVolunteerName(List<Honour.HonourView> list) {
		Map<Long, VolunteerRef> refs = this.volunteers
			.findAll(list.stream().map(Honour.HonourView::volunteerId).distinct().toList());
		Map<Long, String> names = this.volunteers
			.displayNames(refs.values().stream().map(VolunteerRef::userId).toList());
		return list.stream().map(h -> {
			VolunteerRef ref = refs.get(h.volunteerId());
			String name = (ref == null) ? null : names.get(ref.userId());
			return (name == null) ? "志愿者 " + h.volunteerId() : name;
		}).toList();
	}

	@BatchMapping(typeName = "OutstandingCandidate", field = "volunteerName")
	List<String> candidateVolunteerName(List<OutstandingCandidate.CandidateView> list) {
		Map<Long, String> names = this.volunteers
			.displayNames(list.stream().map(OutstandingCandidate.CandidateView::userId).distinct().toList());
		return list.stream().map(c -> Objects.requireNonNullElse(names.get(c.userId()), "志愿者 " + c.volunteerId()))
			.toList();
	}

	@BatchMapping(typeName = "TeamCertification", field = "certifiedByName")
	List<String> certifiedByName(List<TeamCertification.CertificationView> list) {
		Map<Long, String> names = this.volunteers.displayNames(
				list.stream().map(TeamCertification.CertificationView::certifiedByUserId).distinct().toList());
		return list.stream()
			.map(c -> Objects.requireNonNullElse(names.get(c.certifiedByUserId()), "用户 " + c.certifiedByUserId()))
			.toList();
	}

}
