"""Settings page "Hardware": what was detected, what is used and why, overrides.

Shows state and emits what the user asked for; probing, planning, loading
and measuring happen elsewhere (never on the GUI thread).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.hardware.plan import DevicePlan, Override
from composer.hardware.probe import Probe
from composer.hardware.speed import SpeedResult
from composer.i18n import filled, memory_size, translated
from composer.messages import UserMessage

AUTO_LAYERS = -1  # the spin box's "Automatic" value


class HardwarePage(QWidget):
    sig_override_changed = Signal(object)  # an Override
    sig_measure_requested = Signal()
    sig_redetect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hardwarePage")
        self._probe: Probe | None = None
        self._n_layers: int | None = None
        self._quiet = False  # True while filling controls from code

        self.computer = QLabel(self.tr("Detecting hardware…"))
        self.computer.setWordWrap(True)
        self.computer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.probe_note = QLabel()
        self.probe_note.setWordWrap(True)
        self.probe_note.setObjectName("probeNote")
        self.probe_note.hide()

        self.devices = QTableWidget(0, 5)
        self.devices.setObjectName("detectedDevices")
        self.devices.setAccessibleName(self.tr("Detected devices"))
        self.devices.setHorizontalHeaderLabels(
            [
                self.tr("Device"),
                self.tr("Backend"),
                self.tr("Kind"),
                self.tr("Memory free / total"),
                self.tr("Half precision"),
            ]
        )
        self.devices.verticalHeader().hide()
        self.devices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.devices.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.redetect_button = QPushButton(self.tr("&Detect again"))
        self.redetect_button.setObjectName("redetectButton")
        self.redetect_button.setAccessibleName(self.tr("Detect hardware again"))
        self.redetect_button.clicked.connect(self.sig_redetect_requested)

        detected = QGroupBox(self.tr("Detected"))
        detected_layout = QVBoxLayout(detected)
        detected_layout.addWidget(self.computer)
        detected_layout.addWidget(self.probe_note)
        detected_layout.addWidget(self.devices)
        detected_layout.addWidget(self.redetect_button, 0, Qt.AlignmentFlag.AlignRight)

        self.in_use = QLabel(self.tr("No model loaded."))
        self.in_use.setObjectName("inUse")
        self.in_use.setWordWrap(True)
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.context_note = QLabel()
        self.context_note.setObjectName("contextNote")
        self.context_note.setWordWrap(True)
        self.context_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fallback = QLabel()
        self.fallback.setObjectName("fallbackNote")
        self.fallback.setWordWrap(True)
        self.fallback.setStyleSheet("color: palette(highlight);")
        self.fallback.hide()
        self.speed = QLabel()
        self.speed.setObjectName("speedResult")
        self.measure_button = QPushButton(self.tr("&Measure speed"))
        self.measure_button.setObjectName("measureButton")
        self.measure_button.setAccessibleName(self.tr("Measure speed"))
        self.measure_button.setToolTip(
            self.tr("Reads and writes a built-in sample text with the loaded model")
        )
        self.measure_button.clicked.connect(self._on_measure_clicked)
        measure_row = QHBoxLayout()
        measure_row.addWidget(self.measure_button)
        measure_row.addWidget(self.speed, 1)

        used = QGroupBox(self.tr("In use"))
        used_layout = QVBoxLayout(used)
        used_layout.addWidget(self.in_use)
        used_layout.addWidget(self.context_note)
        used_layout.addWidget(self.fallback)
        used_layout.addLayout(measure_row)

        self.device_choice = QComboBox()
        self.device_choice.setObjectName("deviceChoice")
        self.device_choice.setAccessibleName(self.tr("Device"))
        self.layers = QSpinBox()
        self.layers.setObjectName("gpuLayers")
        self.layers.setAccessibleName(self.tr("GPU layers"))
        self.layers.setRange(AUTO_LAYERS, 999)
        self.layers.setSpecialValueText(self.tr("Automatic"))
        self.layers.setValue(AUTO_LAYERS)
        # Typing "24" must not ask for a reload with 2 layers first.
        self.layers.setKeyboardTracking(False)
        self.layers.setToolTip(
            self.tr("How many of the model's layers run on the GPU; 0 = CPU only")
        )
        device_label = QLabel(self.tr("&Run the model on:"))
        device_label.setBuddy(self.device_choice)
        layers_label = QLabel(self.tr("GPU &layers:"))
        layers_label.setBuddy(self.layers)
        choice = QGroupBox(self.tr("Choice"))
        form = QFormLayout(choice)
        form.addRow(device_label, self.device_choice)
        form.addRow(layers_label, self.layers)
        note = QLabel(self.tr("Fewer GPU layers use less graphics memory; 0 runs on the CPU only."))
        note.setWordWrap(True)
        form.addRow(note)
        self._fill_device_choice()
        self.device_choice.currentIndexChanged.connect(self._on_choice_changed)
        self.layers.valueChanged.connect(self._on_choice_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(detected)
        layout.addWidget(used)
        layout.addWidget(choice)
        layout.addStretch(1)

    # -- what the app tells the page ----------------------------------------
    def set_probe(self, probe: Probe) -> None:
        self._probe = probe
        power = {True: self.tr("on battery"), False: self.tr("on mains power"), None: ""}[
            probe.on_battery
        ]
        if probe.cpu_cores:
            cores = filled(
                self.tr("%n cores, %1 threads", "", probe.cpu_cores), str(probe.cpu_count)
            )
        else:
            cores = self.tr("%n logical CPUs", "", probe.cpu_count)
        memory = filled(
            self.tr("%1 memory (%2 free)"),
            memory_size(probe.ram_total),
            memory_size(probe.ram_available),
        )
        first = " · ".join(part for part in (probe.cpu_name, cores, memory, power) if part)
        self.computer.setText(f"{first}\n{probe.os}, {probe.arch}")
        self.probe_note.setText(translated(probe.note))
        self.probe_note.setVisible(bool(probe.note))
        self.devices.setRowCount(0)
        rows = []
        for device in probe.devices:
            memory = (
                f"{memory_size(device.free_bytes)} / {memory_size(device.total_bytes)}"
                if device.total_bytes
                else "–"
            )
            f16 = {True: self.tr("yes"), False: self.tr("no"), None: "–"}[device.f16]
            kind = self._kind_text(device.kind)
            rows.append((device.description or device.name, device.backend, kind, memory, f16))
        # Seen by the Vulkan loader but not used by llama.cpp (a CPU-only
        # build, or a software renderer): shown so "no GPU" is explained.
        for hidden in probe.hidden_devices:
            kind = self._kind_text(
                {"cpu": "cpu"}.get(hidden.get("type", ""), hidden.get("type", ""))
            )
            rows.append((hidden.get("name", "?"), self.tr("Vulkan (not used)"), kind, "–", "–"))
        for row, texts in enumerate(rows):
            self.devices.insertRow(row)
            for column, text in enumerate(texts):
                self.devices.setItem(row, column, QTableWidgetItem(text))
        self.devices.resizeColumnsToContents()
        self.devices.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # As tall as its rows: an empty band under three devices looks like a fault.
        height = self.devices.horizontalHeader().height() + 2 * self.devices.frameWidth()
        height += sum(self.devices.rowHeight(r) for r in range(self.devices.rowCount()))
        self.devices.setFixedHeight(height)
        self._fill_device_choice()

    def set_plan(self, plan: DevicePlan | None, fallback_reason: UserMessage | None = None) -> None:
        if plan is None:
            self.in_use.setText(self.tr("No model loaded."))
            self.context_note.clear()
        else:
            self._n_layers = plan.n_layers
            # After a fallback the reason of the CPU plan that really runs wins.
            self.in_use.setText(translated(fallback_reason or plan.reason))
            why = translated(plan.context_reason) if plan.context_reason else str(plan.n_ctx)
            self.context_note.setText(filled(self.tr("Context length: %1."), why))
            if plan.n_layers:
                # Clamping the shown value is not the user changing the override.
                self._quiet = True
                try:
                    self.layers.setMaximum(plan.n_layers)
                finally:
                    self._quiet = False
        # The plan's reason (shown above) already says what failed; this says what to do.
        self.fallback.setText(
            self.tr(
                "Loading on the GPU failed, so Composer switched to the CPU by itself. If this "
                "keeps happening, choose fewer GPU layers or CPU only below, or update the "
                "graphics driver."
            )
        )
        self.fallback.setToolTip(translated(fallback_reason) if fallback_reason else "")
        self.fallback.setVisible(bool(fallback_reason))

    def set_override(self, override: Override) -> None:
        """Show the saved choice without emitting sig_override_changed."""
        self._quiet = True
        try:
            index = self.device_choice.findData(override.device)
            self.device_choice.setCurrentIndex(max(0, index))
            self.layers.setValue(
                AUTO_LAYERS if override.gpu_layers is None else override.gpu_layers
            )
        finally:
            self._quiet = False

    def override(self) -> Override:
        layers = self.layers.value()
        return Override(
            device=str(self.device_choice.currentData() or "auto"),
            gpu_layers=None if layers == AUTO_LAYERS else layers,
        )

    def set_measuring(self, busy: bool) -> None:
        self.measure_button.setEnabled(not busy)
        if busy:
            self.speed.setText(self.tr("Measuring…"))

    def show_speed(self, result: SpeedResult) -> None:
        self.set_measuring(False)
        self.speed.setText(
            filled(
                self.tr("Reading %1 tokens/s, writing %2 tokens/s"),
                f"{result.prompt_tokens_per_s:,.0f}",
                f"{result.gen_tokens_per_s:,.1f}",
            )
        )

    def show_speed_error(self, message: str) -> None:
        self.set_measuring(False)
        self.speed.setText(message)

    # -- internals -------------------------------------------------------------
    def _kind_text(self, kind: str) -> str:
        return {
            "discrete": self.tr("discrete GPU"),
            "integrated": self.tr("integrated GPU"),
            "cpu": self.tr("CPU"),
            "accel": self.tr("accelerator"),
        }.get(kind, kind)

    def _fill_device_choice(self) -> None:
        current = self.device_choice.currentData() or "auto"
        self._quiet = True
        try:
            self.device_choice.clear()
            self.device_choice.addItem(self.tr("Automatic (recommended)"), "auto")
            for device in self._probe.devices if self._probe else []:
                if device.backend not in ("CPU", "BLAS", ""):
                    self.device_choice.addItem(device.label, str(device.index))
            self.device_choice.addItem(self.tr("CPU only"), "cpu")
            self.device_choice.setCurrentIndex(max(0, self.device_choice.findData(current)))
        finally:
            self._quiet = False

    @Slot()
    def _on_choice_changed(self) -> None:
        if not self._quiet:
            self.sig_override_changed.emit(self.override())

    @Slot()
    def _on_measure_clicked(self) -> None:
        self.set_measuring(True)
        self.sig_measure_requested.emit()
