package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.PaperReference;

/** The papers of this plugin's methods. */
final class Papers {
    static final PaperReference D_ADAPTATION = PaperReference.arxiv("Defazio, Mishchenko", 2023,
        "Learning-Rate-Free Learning by D-Adaptation", "2301.07733", "ICML 2023");
    static final PaperReference PRODIGY = PaperReference.arxiv("Mishchenko, Defazio", 2023,
        "Prodigy: An Expeditiously Adaptive Parameter-Free Learner", "2306.06101", "ICML 2024");
    static final PaperReference DOG = PaperReference.arxiv("Ivgi, Hinder, Carmon", 2023,
        "DoG is SGD's Best Friend: A Parameter-Free Dynamic Step Size Schedule", "2302.12022", "ICML 2023");
    static final PaperReference SCHEDULE_FREE = PaperReference.arxiv("Defazio, Yang, Mehta, Mishchenko, Khaled, Cutkosky", 2024,
        "The Road Less Scheduled", "2405.15682", "NeurIPS 2024");
    static final PaperReference COCOB = PaperReference.arxiv("Orabona, Tommasi", 2017,
        "Training Deep Networks without Learning Rates Through Coin Betting", "1705.07795", "NeurIPS 2017");
    static final PaperReference LOOKAHEAD = PaperReference.arxiv("Zhang, Lucas, Hinton, Ba", 2019,
        "Lookahead Optimizer: k steps forward, 1 step back", "1907.08610", "NeurIPS 2019");
    static final PaperReference MECHANIC = PaperReference.arxiv("Cutkosky, Defazio, Mehta", 2023,
        "Mechanic: A Learning Rate Tuner", "2306.00144", "NeurIPS 2023");

    private Papers() {
    }
}
