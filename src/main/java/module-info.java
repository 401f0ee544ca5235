/**
 * AdaptiveStream: adaptive video streaming over TLS with live metrics, a network lab and a
 * desktop player. Only {@code org.adaptivestream.app} touches JavaFX; everything else runs
 * headless.
 */
module org.adaptivestream {
    requires java.desktop;
    requires java.management;
    requires jdk.management;

    requires javafx.controls;
    requires javafx.swing;
    requires org.controlsfx.controls;
    requires org.jfree.chart.fx;
    requires org.jfree.jfreechart;

    requires org.bytedeco.javacpp;
    requires org.bytedeco.ffmpeg;
    requires org.bytedeco.javacv;

    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;

    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    // javafx.graphics instantiates the Application subclass reflectively.
    exports org.adaptivestream.app to javafx.graphics;
    // Jackson reads and writes the app's settings record.
    opens org.adaptivestream.app to com.fasterxml.jackson.databind;
    // Jackson writes measurement records.
    opens org.adaptivestream.metrics to com.fasterxml.jackson.databind;
    // Jackson writes benchmark steps.
    opens org.adaptivestream.bench to com.fasterxml.jackson.databind;
    // picocli injects options into command fields.
    opens org.adaptivestream.cli to info.picocli;
    // Jackson builds the manifest records reflectively.
    opens org.adaptivestream.media to com.fasterxml.jackson.databind;
    // Jackson writes the benchmark report's records.
    opens org.adaptivestream.evaluation to com.fasterxml.jackson.databind;
}
