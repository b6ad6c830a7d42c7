package io.github.dynamologging.rules;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides once per Servlet request whether a rule raises it, and makes the decision current while the
 * request is handled on this thread; async and error dispatches reuse the first decision. Work handed
 * to other threads takes the decision along through context-propagation.
 */
class RequestRuleServletFilter extends OncePerRequestFilter {

	/** The request attribute holding the decision, or {@link #NO_RULE}. */
	static final String ATTRIBUTE = RequestRuleServletFilter.class.getName() + ".decision";

	private static final Object NO_RULE = new Object();

	private final RequestRules rules;

	RequestRuleServletFilter(RequestRules rules) {
		this.rules = rules;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object decided = request.getAttribute(ATTRIBUTE);
		if (decided == null) {
			decided = this.rules.idle() ? NO_RULE : decide(request);
			request.setAttribute(ATTRIBUTE, decided);
		}
		if (!(decided instanceof RuleDecision decision)) {
			chain.doFilter(request, response);
			return;
		}
		RuleDecision previous = CurrentRule.enter(decision);
		try {
			chain.doFilter(request, response);
		}
		finally {
			CurrentRule.restore(previous);
		}
	}

	private Object decide(HttpServletRequest request) {
		RuleDecision decision = this.rules.decide((name) -> Collections.list(request.getHeaders(name)),
				() -> RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication());
		return (decision != null) ? decision : NO_RULE;
	}

}
