package cn.wenming.practice.shared;

/**
 * A line of a 受益群众 trail (GraphQL {@code BeneficiaryCorrection}), which the activity and the need
 * modules each keep in their own table: what the volunteer module needs to name who made it.
 */
public interface BeneficiaryCorrectionLine {

	/** The user who recorded or corrected the count. */
	long correctedBy();

}
