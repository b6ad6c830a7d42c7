package io.github.dynamologging.export;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;

/** OTLP over gRPC: the official {@code TraceService/Export} on a plaintext gRPC server. */
final class OtlpGrpcReceiver implements OtlpReceiver {

	private final Server server;

	private final ReceivedSpans spans = new ReceivedSpans();

	OtlpGrpcReceiver() throws IOException {
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
			.addService(new TraceServiceGrpc.TraceServiceImplBase() {

				@Override
				public void export(ExportTraceServiceRequest request,
						StreamObserver<ExportTraceServiceResponse> responses) {
					OtlpGrpcReceiver.this.spans.add(request);
					responses.onNext(ExportTraceServiceResponse.getDefaultInstance());
					responses.onCompleted();
				}

			})
			.build()
			.start();
	}

	@Override
	public String protocol() {
		return "grpc";
	}

	@Override
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getPort();
	}

	@Override
	public ReceivedSpans spans() {
		return this.spans;
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
