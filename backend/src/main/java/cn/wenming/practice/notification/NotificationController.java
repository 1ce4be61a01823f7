package cn.wenming.practice.notification;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Subscribe-message consent: which templates exist, what the caller has left, what they accepted. */
@Controller
class NotificationController {

	private final SubscriptionService service;

	NotificationController(SubscriptionService service) {
		this.service = service;
	}

	@QueryMapping
	List<SubscriptionService.TemplateOfKind> subscriptionTemplates() {
		return this.service.templates();
	}

	@QueryMapping
	List<SubscriptionService.Balance> mySubscriptions() {
		return this.service.mine();
	}

	/** WeChat asks about at most a few templates at once; 20 leaves room and bounds the work. */
	@MutationMapping
	SubscriptionService.Receipt recordSubscriptions(
			@Argument @NotNull @Size(max = 20) List<@NotBlank @Size(max = 64) String> templateIds,
			@Argument @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
		return this.service.record(templateIds, idempotencyKey);
	}

}
