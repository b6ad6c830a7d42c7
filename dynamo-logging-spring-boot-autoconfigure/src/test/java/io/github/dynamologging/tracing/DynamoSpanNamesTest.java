package io.github.dynamologging.tracing;

import java.net.URI;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoSpanNamesTest {

	private final DynamoSpanNames names = new DynamoSpanNames();

	@Test
	void aServerRequestIsNamedHttpRequestAndKeepsMicrometersNameAsAnAttribute() {
		ServerRequestObservationContext server = new ServerRequestObservationContext(
				new MockHttpServletRequest("GET", "/hello"), new MockHttpServletResponse());
		server.setContextualName("http get /hello");
		this.names.map(server);
		assertThat(server.getContextualName()).isEqualTo("http-request");
		assertThat(server.getHighCardinalityKeyValue("micrometer.span_name"))
			.isEqualTo(KeyValue.of("micrometer.span_name", "http get /hello"));
	}

	@Test
	void anOutgoingCallIsNamedClientRequest() {
		ClientRequestObservationContext client = new ClientRequestObservationContext(
				new MockClientHttpRequest(HttpMethod.GET, URI.create("http://example.com/x")));
		client.setContextualName("http get");
		this.names.map(client);
		assertThat(client.getContextualName()).isEqualTo("client_request");
		assertThat(client.getHighCardinalityKeyValue("micrometer.span_name").getValue()).isEqualTo("http get");
	}

	@Test
	void otherObservationsKeepTheirNames() {
		Observation.Context other = new Observation.Context();
		other.setName("kafka.send");
		other.setContextualName("orders send");
		this.names.map(other);
		assertThat(other.getContextualName()).isEqualTo("orders send");
		assertThat(other.getHighCardinalityKeyValues()).isEmpty();
	}

}
