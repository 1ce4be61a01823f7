package cn.wenming.practice.need;

import java.util.List;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.shared.DomainException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The needs category dictionary: public to read, kept by the admins of the whole deployment (every
 * county's residents choose from it, so under a city one county's admins do not change it).
 */
@Service
class NeedCategories {

	private final NeedCategoryMapper categories;

	private final AccessControl access;

	NeedCategories(NeedCategoryMapper categories, AccessControl access) {
		this.categories = categories;
		this.access = access;
	}

	/**
	 * Enabled categories; disabled ones too when a center or city admin asks for them (a county's
	 * admins see which ones were switched off even though they cannot switch them back).
	 */
	List<NeedCategory> list(boolean includeDisabled) {
		Actor actor = this.access.currentActor();
		boolean center = actor != null && actor.isCenterAdminOrAbove();
		return this.categories.listAll(includeDisabled && center);
	}

	NeedCategory add(String name) {
		requireDeploymentAdmin();
		NeedCategory category = new NeedCategory();
		category.setName(name.strip());
		category.setSortOrder(this.categories.maxSortOrder() + 10);
		category.setEnabled(true);
		try {
			this.categories.insert(category);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(NeedError.NEED_CATEGORY_NAME_TAKEN);
		}
		return this.categories.selectById(category.getId());
	}

	NeedCategory rename(long id, String name) {
		requireDeploymentAdmin();
		NeedCategory category = require(id);
		category.setName(name.strip());
		try {
			this.categories.updateById(category);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(NeedError.NEED_CATEGORY_NAME_TAKEN);
		}
		return this.categories.selectById(id);
	}

	/** Needs already filed under it keep it. */
	NeedCategory disable(long id) {
		return setEnabled(id, false);
	}

	/** Undoes a disable (a category switched off by mistake, or a seasonal one back): offered again. */
	NeedCategory enable(long id) {
		return setEnabled(id, true);
	}

	private NeedCategory setEnabled(long id, boolean enabled) {
		requireDeploymentAdmin();
		NeedCategory category = require(id);
		category.setEnabled(enabled);
		this.categories.updateById(category);
		return this.categories.selectById(id);
	}

	private void requireDeploymentAdmin() {
		this.access.requireWholeDeployment();
	}

	private NeedCategory require(long id) {
		NeedCategory category = this.categories.selectById(id);
		if (category == null) {
			throw new DomainException(NeedError.NEED_CATEGORY_UNKNOWN);
		}
		return category;
	}

}
