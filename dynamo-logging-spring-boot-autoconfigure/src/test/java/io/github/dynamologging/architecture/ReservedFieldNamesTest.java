package io.github.dynamologging.architecture;

import io.github.dynamologging.format.ExtraFields;
import io.github.dynamologging.format.internal.FieldNames;
import io.github.dynamologging.request.RequestFields;
import io.github.dynamologging.request.RequestId;
import io.github.dynamologging.tracing.internal.SpanMdcListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names an extra field may not take are the keys the features write: {@code format} cannot see the
 * features, so its list is checked against their constants here.
 */
class ReservedFieldNamesTest {

	@Test
	void everyKeyAFeatureWritesIsReserved() {
		assertThat(ExtraFields.RESERVED_NAMES).contains(FieldNames.TIME, FieldNames.LEVEL, FieldNames.FILE,
				FieldNames.LINE, FieldNames.TARGET, FieldNames.MESSAGE, FieldNames.THREAD_NAME, FieldNames.TRACE_ID,
				FieldNames.SPAN_ID, FieldNames.PARENT_ID, FieldNames.SPAN_NAME, FieldNames.MDC_TRACE_ID,
				FieldNames.MDC_SPAN_ID, FieldNames.X_REQUEST_ID, RequestId.MDC_KEY, RequestFields.REQUEST_ID,
				RequestFields.METHOD, RequestFields.URI, RequestFields.VERSION, SpanMdcListener.TRACESTATE);
	}

}
