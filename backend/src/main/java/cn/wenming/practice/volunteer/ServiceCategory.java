package cn.wenming.practice.volunteer;

/**
 * The five service platforms (五大平台) that classify volunteers, teams and activities. Stored by
 * name, so constants are never renamed.
 */
public enum ServiceCategory {

	/** 理论宣讲. */
	THEORY_LECTURE,
	/** 教育服务. */
	EDUCATION,
	/** 文化服务. */
	CULTURE,
	/** 科技与科普服务. */
	SCIENCE_TECH,
	/** 健康促进与体育服务. */
	HEALTH_SPORTS

}
