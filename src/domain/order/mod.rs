//! The repair order (заказ-наряд): the contract with the client for works from
//! the price list and parts from the nomenclature. Pure: the use case loads the
//! price list, products, client and payments and passes them in.
//!
//! - [`line`]: work and part lines, discounts, and the drafts the order window sends;
//! - [`vat`]: the shop's VAT mode (без НДС, НДС в т.ч., НДС сверху) and rates;
//! - [`totals`]: the order's money, line by line, exact to the kopeck;
//! - [`status`]: the statuses, the actions between them, and the lock on issued orders;
//! - [`payment`]: advances, final payments and refunds, and the balance they leave;
//! - [`terms`]: the promised date and the warranty;
//! - [`intake`]: what is written down when the car is handed over (приёмка);
//! - [`snapshot`]: the documents an order issues and the frozen data they show.

pub mod intake;
pub mod line;
pub mod payment;
pub mod snapshot;
pub mod status;
pub mod terms;
pub mod totals;
pub mod vat;

pub use line::{
    Discount, DiscountKind, LineKind, PartLine, PartLineDraft, Percent, ProductFacts, ServiceFacts,
    WorkBilling, WorkLine, WorkLineDraft,
};
pub use payment::{
    Balance, OrderPayment, PaymentDraft, PaymentError, PaymentKind, PaymentMark, PaymentMethod,
    ValidPayment, balance, client_balance,
};
pub use status::{
    OrderAction, OrderChange, OrderEvent, OrderStatus, StatusError, Transition, ensure_editable,
};
pub use terms::{OrderTerms, OrderTermsDraft, Warranty};
pub use totals::{
    ClientDiscount, DiscountScope, GroupTotals, LineAmounts, LineError, PricedLine, Pricing,
    Totals, TotalsError, VatSummary, line_amounts, order_totals,
};
pub use vat::{VatMode, VatRate};
