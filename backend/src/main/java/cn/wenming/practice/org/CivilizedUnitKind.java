package cn.wenming.practice.org;

/** What a civilized unit is: a 文明单位 (an employer, office or company) or a 文明校园 (a school). */
public enum CivilizedUnitKind {

	/** 文明单位. */
	UNIT,
	/** 文明校园: a school, with its {@link SchoolLevel}. */
	CAMPUS

}
