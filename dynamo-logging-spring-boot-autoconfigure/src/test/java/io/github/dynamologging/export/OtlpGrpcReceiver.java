package io.github.dynamologging.export;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;

/**
 * OTLP over gRPC: the official {@code TraceService/Export} and {@code LogsService/Export} on a plaintext gRPC
 * server, which keeps each call's metadata.
 */
final class OtlpGrpcReceiver implements OtlpReceiver {

	private final Server server;

	private final ReceivedSpans spans = new ReceivedSpans();

	private final ReceivedLogs logs = new ReceivedLogs();

	private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();

	OtlpGrpcReceiver() throws IOException {
		ServerInterceptor keepMetadata = new ServerInterceptor() {

			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata,
					ServerCallHandler<Q, R> next) {
				Map<String, String> headers = new LinkedHashMap<>();
				for (String key : metadata.keys()) {
					if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
						headers.put(key, metadata.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
					}
				}
				OtlpGrpcReceiver.this.requestHeaders.add(headers);
				return next.startCall(call, metadata);
			}

		};
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
			.addService(ServerInterceptors.intercept(new TraceServiceGrpc.TraceServiceImplBase() {

				@Override
				public void export(ExportTraceServiceRequest request,
						StreamObserver<ExportTraceServiceResponse> responses) {
					OtlpGrpcReceiver.this.spans.add(request);
					responses.onNext(ExportTraceServiceResponse.getDefaultInstance());
					responses.onCompleted();
				}

			}, keepMetadata))
			.addService(ServerInterceptors.intercept(new LogsServiceGrpc.LogsServiceImplBase() {

				@Override
				public void export(ExportLogsServiceRequest request,
						StreamObserver<ExportLogsServiceResponse> responses) {
					OtlpGrpcReceiver.this.logs.add(request);
					responses.onNext(ExportLogsServiceResponse.getDefaultInstance());
					responses.onCompleted();
				}

			}, keepMetadata))
			.build()
			.start();
	}

	@Override
	public String protocol() {
		return "grpc";
	}

	@Override
	public String endpoint() {
		return baseEndpoint();
	}

	@Override
	public String logsEndpoint() {
		return baseEndpoint();
	}

	@Override
	public String baseEndpoint() {
		return "http://127.0.0.1:" + this.server.getPort();
	}

	@Override
	public ReceivedSpans spans() {
		return this.spans;
	}

	@Override
	public ReceivedLogs logs() {
		return this.logs;
	}

	@Override
	public List<Map<String, String>> requestHeaders() {
		return this.requestHeaders;
	}

	@Override
	public void close() {
		this.server.shutdownNow();
		try {
			this.server.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
