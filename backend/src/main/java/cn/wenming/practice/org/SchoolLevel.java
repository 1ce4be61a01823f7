package cn.wenming.practice.org;

/** The 学段 of a 文明校园. */
public enum SchoolLevel {

	/** 幼儿园. */
	KINDERGARTEN,
	/** 小学. */
	PRIMARY,
	/** 中学 (初中、高中、完全中学). */
	MIDDLE,
	/** 中等职业学校. */
	VOCATIONAL,
	/** 高校. */
	UNIVERSITY

}
