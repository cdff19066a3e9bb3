package io.adalab.plugin.schedules;

import io.adalab.api.PaperReference;

/** The papers the schedules come from. */
final class Papers {
    static final PaperReference SGDR = PaperReference.arxiv("Loshchilov, Hutter", 2017,
        "SGDR: Stochastic Gradient Descent with Warm Restarts", "1608.03983", "ICLR 2017");
    static final PaperReference CLR = PaperReference.arxiv("Smith", 2017,
        "Cyclical Learning Rates for Training Neural Networks", "1506.01186", "WACV 2017");
    static final PaperReference ONE_CYCLE = PaperReference.arxiv("Smith", 2018,
        "A disciplined approach to neural network hyper-parameters: Part 1 -- learning rate, batch size,"
            + " momentum, and weight decay", "1803.09820", "");
    static final PaperReference MINICPM = PaperReference.arxiv("Hu et al.", 2024,
        "MiniCPM: Unveiling the Potential of Small Language Models with Scalable Training Strategies",
        "2404.06395", "");

    private Papers() {
    }
}
