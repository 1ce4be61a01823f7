package cn.wenming.practice.activity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.shared.ServedUnderProject;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Need.project} (declared by {@code extend type Need} in activity.graphqls): the project a
 * need is served under, one query per page. Sources are seen only through {@link ServedUnderProject},
 * so this feature does not depend on the need feature.
 */
@Controller
class ServedProjectController {

	private final ProjectMapper projects;

	ServedProjectController(ProjectMapper projects) {
		this.projects = projects;
	}

	@BatchMapping(typeName = "Need", field = "project")
	Map<ServedUnderProject, Project> needProject(List<ServedUnderProject> needs) {
		Map<Long, Project> byId = this.projects
			.findByIds(needs.stream().map(ServedUnderProject::getProjectId).filter(Objects::nonNull).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Project::getId, Function.identity()));
		Map<ServedUnderProject, Project> result = new HashMap<>();
		for (ServedUnderProject need : needs) {
			Project project = (need.getProjectId() == null) ? null : byId.get(need.getProjectId());
			if (project != null) {
				result.put(need, project);
			}
		}
		return result;
	}

}
