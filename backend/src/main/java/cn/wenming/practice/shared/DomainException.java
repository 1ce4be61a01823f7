package cn.wenming.practice.shared;

/**
 * A rule of the domain refused the request. Carries a stable {@link ErrorCode} that becomes the
 * GraphQL error's {@code extensions.code}; the message must be safe to show to the user.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	public DomainException(ErrorCode code) {
		this(code, code.defaultMessage());
	}

	public DomainException(ErrorCode code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
	}

	public static DomainException notFound(String what) {
		return new DomainException(CommonError.NOT_FOUND, what + "不存在");
	}

	public static DomainException badRequest(String message) {
		return new DomainException(CommonError.BAD_REQUEST, message);
	}

	public static DomainException forbidden() {
		return new DomainException(CommonError.FORBIDDEN);
	}

}
