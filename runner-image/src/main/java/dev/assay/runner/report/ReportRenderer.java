package dev.assay.runner.report;

import dev.assay.model.profile.Profile;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders report.html: one self-contained file (inline CSS and SVG, no script, nothing fetched) from
 * FreeMarker templates with HTML auto-escaping, because every name and value in it comes from the data.
 */
public final class ReportRenderer {

    private static final Configuration FREEMARKER = configure();

    private static Configuration configure() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassForTemplateLoading(ReportRenderer.class, "/dev/assay/runner/report");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
        return configuration;
    }

    /** The profile's report. */
    public String render(Profile profile) {
        return render(profile, Optional.empty());
    }

    /**
     * The profile's report, with the run section (the model of run.ftlh, built by the apply pipeline) when the
     * profiled data is the result of a plan.
     */
    public String render(Profile profile, Optional<Map<String, Object>> run) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", ReportModel.of(profile));
        run.ifPresent(section -> model.put("run", section));
        try {
            Template template = FREEMARKER.getTemplate("report.ftlh");
            StringWriter out = new StringWriter(64 * 1024);
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report template", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the report template failed: " + e.getMessage(), e);
        }
    }
}
