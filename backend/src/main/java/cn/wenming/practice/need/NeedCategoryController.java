package cn.wenming.practice.need;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The needs category dictionary over GraphQL. */
@Controller
class NeedCategoryController {

	private final NeedCategories categories;

	NeedCategoryController(NeedCategories categories) {
		this.categories = categories;
	}

	@QueryMapping
	List<NeedCategory> needCategories(@Argument Boolean includeDisabled) {
		return this.categories.list(Boolean.TRUE.equals(includeDisabled));
	}

	@MutationMapping
	NeedCategory addNeedCategory(@Argument @NotBlank @Size(max = 20) String name) {
		return this.categories.add(name);
	}

	@MutationMapping
	NeedCategory renameNeedCategory(@Argument long id, @Argument @NotBlank @Size(max = 20) String name) {
		return this.categories.rename(id, name);
	}

	@MutationMapping
	NeedCategory disableNeedCategory(@Argument long id) {
		return this.categories.disable(id);
	}

	@MutationMapping
	NeedCategory enableNeedCategory(@Argument long id) {
		return this.categories.enable(id);
	}

}
