package io.github.dynamologging.runtime;

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
 * {@link DynlogEndpoint} over HTTP: a rejected change answers 400 (bad input) or 403 (no authenticated
 * user) with a JSON message. Boot's own handling of an invalid request drops the message by default
 * ({@code server.error.include-message=never}), and the operator needs it.
 */
@EndpointWebExtension(endpoint = DynlogEndpoint.class)
public class DynlogEndpointWebExtension {

	private static final int STATUS_FORBIDDEN = 403;

	private final DynlogEndpoint endpoint;

	DynlogEndpointWebExtension(DynlogEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@ReadOperation
	public DynlogDescriptor levels() {
		return this.endpoint.levels();
	}

	/** See {@link DynlogEndpoint#change}. */
	@WriteOperation
	public WebEndpointResponse<Object> change(@Nullable String filter, @Nullable String ttl, @Nullable String reason,
			@Nullable String match, SecurityContext securityContext) {
		return answer(() -> this.endpoint.change(filter, ttl, reason, match, securityContext));
	}

	/** See {@link DynlogEndpoint#reset}. */
	@DeleteOperation
	public WebEndpointResponse<Object> reset(SecurityContext securityContext) {
		return answer(() -> this.endpoint.reset(securityContext));
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

	private static WebEndpointResponse<Object> answer(Supplier<DynlogDescriptor> operation) {
		try {
			return new WebEndpointResponse<>(operation.get());
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
