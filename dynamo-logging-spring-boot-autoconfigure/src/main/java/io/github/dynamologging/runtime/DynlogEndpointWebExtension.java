package io.github.dynamologging.runtime;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dynamologging.rules.UnknownRuleException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link DynlogEndpoint} over HTTP. A write takes the request's raw query string and body
 * ({@link DynlogBody}: Boot's own reading of them is too lenient) and answers, in this order: 403 when nobody
 * is authenticated but must be (so such a request learns nothing about its body), 400 for a query string, 413
 * for a body over the limit, 400 for a body of the wrong shape, then the change, or 400 naming the input and
 * the rule it breaks; every refusal with a JSON message. Boot's own handling of an invalid request drops the
 * message by default ({@code server.error.include-message=never}), and the operator needs it.
 */
@EndpointWebExtension(endpoint = DynlogEndpoint.class)
class DynlogEndpointWebExtension {

	private static final int STATUS_FORBIDDEN = 403;

	private final DynlogEndpoint endpoint;

	DynlogEndpointWebExtension(DynlogEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@ReadOperation
	public DynlogDescriptor levels() {
		return this.endpoint.levels();
	}

	/**
	 * See {@link DynlogEndpoint#change}.
	 * @param query the raw query string ({@link DynlogBody#QUERY})
	 * @param body the raw body ({@link DynlogBody#BODY})
	 * @param securityContext who asks
	 * @return the levels after the change, or why it is refused
	 */
	@WriteOperation
	public WebEndpointResponse<Object> change(@Nullable String query, @Nullable String body,
			SecurityContext securityContext) {
		return checked(securityContext, query, body, (fields) -> this.endpoint.change(fields.get("filter"),
				fields.get("ttl"), fields.get("reason"), fields.get("match"), securityContext));
	}

	/**
	 * See {@link DynlogEndpoint#reset}.
	 * @param query the raw query string ({@link DynlogBody#QUERY})
	 * @param securityContext who asks
	 * @return the levels after the reset, or why it is refused
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> reset(@Nullable String query, SecurityContext securityContext) {
		return checked(securityContext, query, null, (fields) -> this.endpoint.reset(securityContext));
	}

	/** See {@link DynlogEndpoint#removeRule}; an unknown id answers 404. */
	@DeleteOperation
	public WebEndpointResponse<Object> removeRule(@Selector String rule, SecurityContext securityContext) {
		try {
			return answer(() -> this.endpoint.removeRule(rule, securityContext));
		}
		catch (UnknownRuleException ex) {
			DynlogError notFound = new DynlogError(WebEndpointResponse.STATUS_NOT_FOUND, "Not Found", ex.getMessage());
			return new WebEndpointResponse<>(notFound, notFound.status());
		}
	}

	/** Who asks first, then the request as it arrived, then the operation with the body's fields. */
	private WebEndpointResponse<Object> checked(SecurityContext securityContext, @Nullable String query,
			@Nullable String body, Function<Map<String, String>, DynlogDescriptor> operation) {
		return answer(() -> {
			this.endpoint.principal(securityContext);
			DynlogBody.Checked checked = DynlogBody.check(query, body);
			return (checked.refusal() != null) ? checked.refusal() : operation.apply(checked.fields());
		});
	}

	/** The operation's result, or the refusal it returned or threw, with its status. */
	private static WebEndpointResponse<Object> answer(Supplier<Object> operation) {
		try {
			Object result = operation.get();
			return (result instanceof DynlogError refusal) ? response(refusal) : new WebEndpointResponse<>(result);
		}
		catch (InvalidChangeException ex) {
			return response(DynlogError.badRequest(ex.getMessage()));
		}
		catch (ChangeNotAllowedException ex) {
			return response(new DynlogError(STATUS_FORBIDDEN, "Forbidden", ex.getMessage()));
		}
	}

	private static WebEndpointResponse<Object> response(DynlogError error) {
		return new WebEndpointResponse<>(error, error.status());
	}

}
