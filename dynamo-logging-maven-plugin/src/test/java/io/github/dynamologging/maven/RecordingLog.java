package io.github.dynamologging.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that keeps the goal's INFO and WARN messages. */
final class RecordingLog extends SystemStreamLog {

	final List<String> infos = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	@Override
	public void info(CharSequence content) {
		this.infos.add(content.toString());
	}

	@Override
	public void warn(CharSequence content) {
		this.warnings.add(content.toString());
	}

}
