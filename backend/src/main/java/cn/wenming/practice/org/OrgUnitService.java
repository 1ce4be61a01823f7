package cn.wenming.practice.org;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Role;
import cn.wenming.practice.auth.RoleChangeCause;
import cn.wenming.practice.auth.RoleGrants;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and changes the org tree. Every change runs in a transaction that first locks the rows it
 * depends on ({@code SELECT ... FOR UPDATE}), so the scope check and the path arithmetic use the
 * committed state and concurrent moves, renames and inserts are serialised rather than lost. The
 * version column is bumped by every change and checked by every update as a second line.
 */
@Service
class OrgUnitService {

	private static final Logger log = LoggerFactory.getLogger(OrgUnitService.class);

	private final OrgUnitMapper units;

	private final AccessControl access;

	private final RoleGrants roleGrants;

	private final List<OrgUnitCloseGuard> closeGuards;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	OrgUnitService(OrgUnitMapper units, AccessControl access, RoleGrants roleGrants,
			List<OrgUnitCloseGuard> closeGuards, ApplicationEventPublisher events, TransactionTemplate tx) {
		this.tx = tx;
		this.units = units;
		this.access = access;
		this.roleGrants = roleGrants;
		this.closeGuards = closeGuards;
		this.events = events;
	}

	/** What a new unit is made of (validated by the controller). */
	record NewUnit(Long parentId, OrgLevel level, String name, String address, String regionCode, Double latitude,
			Double longitude, String idempotencyKey) {
	}

	/** A node of {@link #tree}. */
	record TreeNode(int depth, OrgUnit unit) {
	}

	OrgUnit find(long id) {
		return this.units.selectById(id);
	}

	Connection<OrgUnit> children(long parentId, Connections.PageRequest page) {
		requireExisting(parentId);
		List<OrgUnit> rows = this.units.childrenPage(parentId, page.afterId(), page.fetchSize());
		return Connections.of(rows, page, OrgUnit::getId);
	}

	/** The subtree under {@code rootId} in pre-order, siblings by id; one query. */
	List<TreeNode> tree(long rootId) {
		List<OrgUnit> rows = this.units.subtree(rootId);
		OrgUnit root = rows.stream()
			.filter(row -> row.getId() == rootId)
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("组织单位"));
		return preorder(List.of(root), rows);
	}

	/**
	 * The subtrees under {@code rootIds} (in that order) in pre-order, one query for all: a root
	 * inside another root's subtree is listed once, within it. Unknown ids are skipped.
	 */
	List<TreeNode> trees(List<Long> rootIds) {
		if (rootIds.isEmpty()) {
			return List.of();
		}
		List<OrgUnit> rows = this.units.subtrees(rootIds);
		Map<Long, OrgUnit> byId = new HashMap<>();
		rows.forEach(row -> byId.put(row.getId(), row));
		List<OrgUnit> roots = rootIds.stream()
			.distinct()
			.map(byId::get)
			.filter(java.util.Objects::nonNull)
			.toList();
		List<OrgUnit> outermost = roots.stream()
			.filter(root -> roots.stream()
				.noneMatch(other -> other != root && root.getPath().startsWith(other.getPath())))
			.toList();
		return preorder(outermost, rows);
	}

	private static List<TreeNode> preorder(List<OrgUnit> roots, List<OrgUnit> rows) {
		java.util.Set<Long> rootIds = new java.util.HashSet<>();
		roots.forEach(root -> rootIds.add(root.getId()));
		Map<Long, List<OrgUnit>> byParent = new HashMap<>();
		for (OrgUnit row : rows) {
			if (row.getParentId() != null && !rootIds.contains(row.getId())) {
				byParent.computeIfAbsent(row.getParentId(), k -> new ArrayList<>()).add(row);
			}
		}
		byParent.values().forEach(list -> list.sort(Comparator.comparing(OrgUnit::getId)));
		List<TreeNode> out = new ArrayList<>(rows.size());
		// Iterative depth-first walk: a deep or wide tree cannot overflow the stack.
		var stack = new ArrayList<TreeNode>();
		for (OrgUnit root : roots) {
			stack.add(new TreeNode(0, root));
			while (!stack.isEmpty()) {
				TreeNode node = stack.remove(stack.size() - 1);
				out.add(node);
				List<OrgUnit> kids = byParent.getOrDefault(node.unit().getId(), List.of());
				for (int i = kids.size() - 1; i >= 0; i--) {
					stack.add(new TreeNode(node.depth() + 1, kids.get(i)));
				}
			}
		}
		return out;
	}

	OrgUnit create(NewUnit input) {
		long userId = this.access.requireUserId();
		requireBothOrNeither(input.latitude(), input.longitude());
		// Who may create here, first (checked again under the parent's lock below): a key is no way around it.
		if (input.parentId() == null) {
			if (!this.access.isBootstrapAdmin(userId)) {
				throw DomainException.forbidden();
			}
		}
		else {
			this.access.requireAdminOver(requireExisting(input.parentId()).getPath());
		}
		// A resend (a double click, the console's retry of a 503 whose commit went through) answers the
		// unit created once, as it is now.
		CreationKeys.Create<OrgUnit> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("ORG_UNIT", input.parentId(), input.level(), input.name().strip(),
						input.address(), input.regionCode(), decimal(input.latitude()), decimal(input.longitude())),
				() -> this.units.findByKey(userId, input.idempotencyKey()), this.units::selectById);
		OrgUnit earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		OrgUnit unit = new OrgUnit();
		unit.setLevel(input.level());
		unit.setName(input.name().strip());
		unit.setAddress(input.address());
		unit.setRegionCode(input.regionCode());
		unit.setLatitude(decimal(input.latitude()));
		unit.setLongitude(decimal(input.longitude()));
		unit.createdBy = userId;
		unit.idempotencyKey = input.idempotencyKey();
		unit.requestDigest = keyed.digest();
		return keyed.once(log, "Creating org unit", () -> this.tx.executeWithoutResult(status -> {
			unit.setStatus(OrgUnit.OPEN);
			unit.setVersion(0);
			String parentPath;
			if (input.parentId() == null) {
				if (input.level() != OrgLevel.CENTER && input.level() != OrgLevel.CITY) {
					throw new DomainException(OrgError.ORG_UNIT_INVALID_PARENT, "只有市和中心可以没有上级单位");
				}
				parentPath = "/";
			}
			else {
				// Locked so that a concurrent move or close of the parent waits for this insert.
				OrgUnit parent = lockExisting(input.parentId());
				this.access.requireAdminOver(parent.getPath());
				requireOpen(parent);
				if (parent.getLevel().childLevel() != input.level()) {
					throw new DomainException(OrgError.ORG_UNIT_INVALID_PARENT,
							levelName(parent.getLevel()) + "的下级必须是" + levelName(parent.getLevel().childLevel()));
				}
				unit.setParentId(parent.getId());
				parentPath = parent.getPath();
			}
			// The path needs the generated id: insert with the parent's path, then complete it.
			unit.setPath(parentPath);
			this.units.insert(unit);
			unit.setPath(parentPath + unit.getId() + "/");
			this.units.setPath(unit.getId(), unit.getPath());
			if (input.parentId() == null) {
				this.roleGrants.grant(userId, (input.level() == OrgLevel.CITY) ? Role.CITY_ADMIN : Role.CENTER_ADMIN,
						unit.getId(), RoleGrants.Change.by(userId, RoleChangeCause.UNIT_CREATED));
			}
			stationChanged(unit);
		}), () -> this.units.selectById(unit.getId()));
	}

	@Transactional
	OrgUnit rename(long id, String name) {
		this.access.requireUserId();
		OrgUnit unit = lockExisting(id);
		this.access.requireAdminOver(unit.getPath());
		requireOpen(unit);
		checkUpdated(this.units.rename(id, unit.getVersion(), name.strip(), Instant.now()));
		return this.units.selectById(id);
	}

	/** Sets (or, with null, clears) the unit's duty phone; shown to residents, so admins over the unit only. */
	@Transactional
	OrgUnit updatePhone(long id, String phone) {
		this.access.requireUserId();
		OrgUnit unit = lockExisting(id);
		this.access.requireAdminOver(unit.getPath());
		requireOpen(unit);
		String value = (phone == null || phone.isBlank()) ? null : phone.strip();
		checkUpdated(this.units.updatePhone(id, unit.getVersion(), value, Instant.now()));
		return this.units.selectById(id);
	}

	@Transactional
	OrgUnit updateLocation(long id, String address, String regionCode, Double latitude, Double longitude) {
		this.access.requireUserId();
		requireBothOrNeither(latitude, longitude);
		OrgUnit unit = lockExisting(id);
		this.access.requireAdminOver(unit.getPath());
		requireOpen(unit);
		checkUpdated(this.units.updateLocation(id, unit.getVersion(), address, regionCode, decimal(latitude),
				decimal(longitude), Instant.now()));
		stationChanged(unit);
		return this.units.selectById(id);
	}

	@Transactional
	OrgUnit move(long id, long newParentId) {
		this.access.requireUserId();
		if (id == newParentId) {
			throw new DomainException(OrgError.ORG_UNIT_INVALID_PARENT, "不能移动到自己下面");
		}
		// Both rows locked in one statement, in id order (see OrgUnitMapper#lockByIds).
		Map<Long, OrgUnit> locked = new HashMap<>();
		this.units.lockByIds(List.of(id, newParentId)).forEach(row -> locked.put(row.getId(), row));
		OrgUnit unit = locked.get(id);
		if (unit == null) {
			throw DomainException.notFound("组织单位");
		}
		if (unit.getParentId() == null) {
			// Attaching a root center under a city: a bootstrap admin, or whoever runs both the
			// center and the city (checked below); nobody else can hand a county to a city.
			requireRootMover(unit);
		}
		else {
			requireAdminAbove(unit);
		}
		OrgUnit newParent = locked.get(newParentId);
		if (newParent == null) {
			throw DomainException.notFound("上级单位");
		}
		this.access.requireAdminOver(newParent.getPath());
		requireOpen(unit);
		requireOpen(newParent);
		if (newParent.getLevel().childLevel() != unit.getLevel()) {
			throw new DomainException(OrgError.ORG_UNIT_INVALID_PARENT,
					levelName(unit.getLevel()) + "的上级必须是" + levelName(parentLevel(unit.getLevel())));
		}
		if (newParent.getPath().startsWith(unit.getPath())) {
			throw new DomainException(OrgError.ORG_UNIT_INVALID_PARENT, "不能移动到自己的下级单位下面");
		}
		if (newParent.getId().equals(unit.getParentId())) {
			return unit;
		}
		Instant now = Instant.now();
		checkUpdated(this.units.reparent(id, unit.getVersion(), newParentId, now));
		this.units.rewritePaths(unit.getPath(), newParent.getPath() + id + "/", now);
		stationChanged(unit);
		this.events.publishEvent(new OrgUnitMoved(id, unit.getPath(), newParent.getPath() + id + "/"));
		return this.units.selectById(id);
	}

	@Transactional
	OrgUnit close(long id) {
		this.access.requireUserId();
		OrgUnit unit = lockExisting(id);
		requireAdminAbove(unit);
		if (OrgUnit.CLOSED.equals(unit.getStatus())) {
			return unit;
		}
		// The unit row is locked: a child cannot be added (create locks the parent) until we are done.
		long openChildren = this.units.countOpenChildren(id);
		List<String> reasons = new ArrayList<>();
		if (openChildren > 0) {
			reasons.add(openChildren + " 个下级单位仍在运行");
		}
		OrgUnitRef ref = unit.toRef();
		for (OrgUnitCloseGuard guard : this.closeGuards) {
			guard.openWork(ref).ifPresent(reasons::add);
		}
		if (!reasons.isEmpty()) {
			throw new DomainException(OrgError.ORG_UNIT_HAS_OPEN_WORK,
					OrgError.ORG_UNIT_HAS_OPEN_WORK.defaultMessage() + "：" + String.join("；", reasons));
		}
		checkUpdated(this.units.close(id, unit.getVersion(), Instant.now()));
		stationChanged(unit);
		return this.units.selectById(id);
	}

	/**
	 * Move and close need an admin above the unit: a station admin runs their station but cannot
	 * close it or move it out from under the institute. A root (a city, or a center not attached to
	 * a city) has nobody above it in the tree, so only a bootstrap admin may close one.
	 */
	private void requireAdminAbove(OrgUnit unit) {
		String parentPath = parentPath(unit.getPath());
		if (parentPath == null) {
			long userId = this.access.requireUserId();
			if (!this.access.isBootstrapAdmin(userId)) {
				throw DomainException.forbidden();
			}
			return;
		}
		this.access.requireAdminOver(parentPath);
	}

	private void requireRootMover(OrgUnit unit) {
		long userId = this.access.requireUserId();
		if (!this.access.isBootstrapAdmin(userId)) {
			this.access.requireAdminOver(unit.getPath());
		}
	}

	/** '/1/4/17/' → '/1/4/'; a root's parent path is {@code null}. */
	static String parentPath(String path) {
		int cut = path.lastIndexOf('/', path.length() - 2);
		return (cut <= 0) ? null : path.substring(0, cut + 1);
	}

	private void stationChanged(OrgUnit unit) {
		if (unit.getLevel() == OrgLevel.STATION) {
			this.events.publishEvent(new StationChanged(unit.getId()));
		}
	}

	private OrgUnit requireExisting(long id) {
		return Optional.ofNullable(this.units.selectById(id))
			.orElseThrow(() -> DomainException.notFound("组织单位"));
	}

	private OrgUnit lockExisting(long id) {
		OrgUnit unit = this.units.lockById(id);
		if (unit == null) {
			throw DomainException.notFound("组织单位");
		}
		return unit;
	}

	private static void requireOpen(OrgUnit unit) {
		if (!OrgUnit.OPEN.equals(unit.getStatus())) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED, unit.getName() + " 已关闭");
		}
	}

	/** Rows were locked first, so a miss here means the version moved under us: report, never overwrite. */
	private static void checkUpdated(int rows) {
		if (rows != 1) {
			throw new DomainException(CommonError.CONFLICT);
		}
	}

	private static void requireBothOrNeither(Double latitude, Double longitude) {
		if ((latitude == null) != (longitude == null)) {
			throw DomainException.badRequest("经度和纬度必须同时填写");
		}
	}

	private static BigDecimal decimal(Double value) {
		return (value == null) ? null : BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP);
	}

	private static OrgLevel parentLevel(OrgLevel level) {
		for (OrgLevel candidate : OrgLevel.values()) {
			if (candidate.childLevel() == level) {
				return candidate;
			}
		}
		return null;
	}

	private static String levelName(OrgLevel level) {
		if (level == null) {
			return "无";
		}
		return switch (level) {
			case CITY -> "市";
			case CENTER -> "中心";
			case INSTITUTE -> "所";
			case STATION -> "站";
			case POINT -> "点";
		};
	}

}
