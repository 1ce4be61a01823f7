package cn.wenming.practice.need;

/** Who the service is for: 老年人, 留守儿童, 残疾人, 困难群众, 其他. */
enum BeneficiaryType {

	ELDERLY, LEFT_BEHIND_CHILDREN, DISABLED, NEEDY, OTHER

}
