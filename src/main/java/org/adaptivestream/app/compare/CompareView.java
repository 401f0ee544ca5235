package org.adaptivestream.app.compare;

import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.Settings;
import org.adaptivestream.app.charts.ChartExport;
import org.adaptivestream.app.charts.ComparisonCharts;
import org.adaptivestream.app.player.PlayerViewModel;
import org.adaptivestream.app.player.VideoPane;
import org.adaptivestream.netlab.NetworkProfiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The comparison window: its settings, the two players side by side while it runs, then the
 * results (bar charts and a verdict) with exports.
 */
public final class CompareView {

    private static final int CHART_COLUMNS = 4;
    private static final String TRACE_FILE_CHOICE = "trace file…";

    private final CompareViewModel model;
    private final AppContext context;
    private final boolean dark;
    private final BorderPane root = new BorderPane();
    private final VideoPane left = new VideoPane();
    private final VideoPane right = new VideoPane();
    private final TabPane tabs = new TabPane();
    private final Tab results = new Tab("Results");
    private List<JFreeChart> charts = List.of();

    public CompareView(CompareViewModel model, AppContext context, boolean dark) {
        this.model = model;
        this.context = context;
        this.dark = dark;
        root.setId("compare");
        root.setTop(settings());
        Tab run = new Tab("Players", players());
        results.setContent(new Label("Run the comparison to see the results."));
        tabs.getTabs().addAll(run, results);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        model.resultProperty().addListener((o, was, now) -> {
            if (now != null) {
                showResults(now);
            }
        });
    }

    public Node node() {
        return root;
    }

    private Node settings() {
        Spinner<Integer> seconds = new Spinner<>(Settings.MIN_COMPARE_SECONDS, Settings.MAX_COMPARE_SECONDS, model.secondsProperty().get(), 5);
        seconds.setEditable(true);
        seconds.setPrefWidth(90);
        seconds.valueProperty().addListener((o, was, now) -> model.secondsProperty().set(now));
        ComboBox<String> rung = new ComboBox<>();
        rung.getItems().setAll(PlayerViewModel.renditionChoices().subList(1, PlayerViewModel.renditionChoices().size()));
        rung.valueProperty().bindBidirectional(model.staticRungProperty());
        ComboBox<String> policy = new ComboBox<>();
        policy.getItems().setAll(PlayerViewModel.adaptivePolicies());
        policy.valueProperty().bindBidirectional(model.policyProperty());
        ComboBox<String> network = new ComboBox<>();
        network.setId("compare-network");
        network.getItems().setAll(PlayerViewModel.networkProfileChoices().subList(1, PlayerViewModel.networkProfileChoices().size()));
        if (!network.getItems().contains(model.networkProperty().get())) {
            network.getItems().add(model.networkProperty().get());
        }
        network.getItems().add(TRACE_FILE_CHOICE);
        network.setValue(model.networkProperty().get());
        network.setTooltip(new Tooltip("Both links replay this profile or trace, in step"));
        network.valueProperty().addListener((o, was, now) -> {
            if (TRACE_FILE_CHOICE.equals(now)) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Choose a network trace (Mahimahi or HSDPA log)");
                File file = chooser.showOpenDialog(root.getScene().getWindow());
                String chosen = file == null ? was : NetworkProfiles.TRACE_PREFIX + file.getAbsolutePath();
                if (file != null && !network.getItems().contains(chosen)) {
                    network.getItems().add(network.getItems().size() - 1, chosen);
                }
                // Not from inside this change: the combo box is still committing the first value.
                org.adaptivestream.app.UiThread.later(() -> network.setValue(chosen));
            } else if (now != null) {
                model.networkProperty().set(now);
            }
        });
        Button start = new Button("Run comparison");
        start.setId("run-comparison");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> {
            left.clear();
            right.clear();
            tabs.getSelectionModel().selectFirst();
            model.start(left.sink(), right.sink());
        });
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        for (Node n : new Node[] {seconds, rung, policy, network}) {
            n.disableProperty().bind(model.runningProperty());
        }
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(200);
        Label status = new Label();
        status.setId("compare-status");
        status.textProperty().bind(model.statusProperty());
        HBox first = new HBox(8, new Label("Video " + model.video().id() + "   Seconds"), seconds, new Label("Static at"), rung,
                new Label("Adaptive policy"), policy, new Label("Network"), network, start, cancel);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, progress, status);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, first, second);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node players() {
        HBox both = new HBox(8, side(left, "Static", model.leftStatsProperty()), side(right, "Adaptive", model.rightStatsProperty()));
        both.setPadding(new Insets(8));
        return both;
    }

    private Node side(VideoPane pane, String title, javafx.beans.property.StringProperty stats) {
        Label caption = new Label(title);
        caption.getStyleClass().add("section-title");
        Label overlay = new Label();
        overlay.getStyleClass().add("stats-overlay");
        overlay.textProperty().bind(stats);
        overlay.visibleProperty().bind(stats.isNotEmpty());
        StackPane stack = new StackPane(pane, overlay);
        stack.getStyleClass().add("video-stack");
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        StackPane.setMargin(overlay, new Insets(6));
        stack.setMinSize(0, 0);
        VBox box = new VBox(4, caption, stack);
        VBox.setVgrow(stack, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(10);
        return box;
    }

    private void showResults(ComparisonResult result) {
        charts = ComparisonCharts.of(result, dark);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        for (int i = 0; i < charts.size(); i++) {
            ChartViewer viewer = new ChartViewer(charts.get(i));
            viewer.setPrefSize(290, 270);
            viewer.setMinSize(160, 150);
            GridPane.setHgrow(viewer, Priority.ALWAYS);
            GridPane.setVgrow(viewer, Priority.ALWAYS);
            grid.add(viewer, i % CHART_COLUMNS, i / CHART_COLUMNS);
        }
        Label verdict = new Label(result.verdict());
        verdict.setId("verdict");
        verdict.getStyleClass().add("verdict");
        verdict.setWrapText(true);
        Button png = new Button("Export charts as PNG…");
        png.setOnAction(e -> exportPng());
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> exportData(false));
        Button json = new Button("Export JSON…");
        json.setOnAction(e -> exportData(true));
        HBox exports = new HBox(8, png, csv, json);
        VBox box = new VBox(8, verdict, grid, exports);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        results.setContent(box);
        tabs.getSelectionModel().select(results);
    }

    private void exportPng() {
        ChartExport.exportToChosenFolder(context, root.getScene().getWindow(), "Folder for the comparison charts", charts, "comparison");
    }

    private void exportData(boolean json) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(json ? "Save the comparison as JSON" : "Save the comparison as CSV");
        chooser.setInitialFileName(json ? "comparison.json" : "comparison.csv");
        chooser.getExtensionFilters().add(json ? new FileChooser.ExtensionFilter("JSON", "*.json")
                : new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath(), json);
        }
    }
}
