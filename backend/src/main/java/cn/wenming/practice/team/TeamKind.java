package cn.wenming.practice.team;

/** Kinds of volunteer team: 总队 at the center, 支队 per township or department, 分队 per village, 专业队伍. */
enum TeamKind {

	/** 总队. */
	GENERAL,
	/** 支队. */
	BRANCH,
	/** 分队. */
	SQUAD,
	/** 专业队伍, e.g. 百姓名嘴, 应急救援. */
	SPECIALTY

}
