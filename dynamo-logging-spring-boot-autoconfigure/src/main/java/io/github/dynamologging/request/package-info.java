/**
 * Request identity on Servlet and WebFlux: the {@code X-Request-Id} rule, the server filters that
 * put it in the MDC and the response, and the HTTP client interceptors that send it on.
 * See {@code docs/requests-and-traces.md}.
 */
package io.github.dynamologging.request;
