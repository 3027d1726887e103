<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Cart</name>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qty</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Open amount ({category})</source>
            <translation>Open amount ({category})</translation>
        </message>
        <message>
            <source>Remove this line</source>
            <translation>Remove this line</translation>
        </message>
    </context>
    <context>
        <name>Categories</name>
        <message>
            <source>Drinks</source>
            <translation>Drinks</translation>
        </message>
        <message>
            <source>Food</source>
            <translation>Food</translation>
        </message>
        <message>
            <source>Homeware</source>
            <translation>Homeware</translation>
        </message>
        <message>
            <source>Skincare</source>
            <translation>Skincare</translation>
        </message>
        <message>
            <source>Gifts</source>
            <translation>Gifts</translation>
        </message>
        <message>
            <source>Apparel</source>
            <translation>Apparel</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
    </context>
    <context>
        <name>Checkout</name>
        <message>
            <source>Checkout</source>
            <translation>Checkout</translation>
        </message>
        <message>
            <source>New sale</source>
            <translation>New sale</translation>
        </message>
        <message>
            <source>Find member</source>
            <translation>Find member</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>Enroll</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>Member details</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>Day report</source>
            <translation>Day report</translation>
        </message>
        <message>
            <source>Open amount</source>
            <translation>Open amount</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Card {old} was merged into member {new}.</source>
            <translation>Card {old} was merged into member {new}.</translation>
        </message>
        <message>
            <source>Sale {receipt} confirmed: earned {earned}, redeemed {redeemed}, new balance {balance}.</source>
            <translation>Sale {receipt} confirmed: earned {earned}, redeemed {redeemed}, new balance {balance}.</translation>
        </message>
        <message>
            <source>Confirming…</source>
            <translation>Confirming…</translation>
        </message>
        <message>
            <source>{asked} points is more than this sale takes: {points} points used.</source>
            <translation>{asked} points is more than this sale takes: {points} points used.</translation>
        </message>
        <message>
            <source>Points are used in steps of {step}: {asked} became {points}.</source>
            <translation>Points are used in steps of {step}: {asked} became {points}.</translation>
        </message>
        <message>
            <source>Start a new sale?</source>
            <translation>Start a new sale?</translation>
        </message>
        <message>
            <source>The cart has {n} lines that are not confirmed. Throw them away?</source>
            <translation>The cart has {n} lines that are not confirmed. Throw them away?</translation>
        </message>
        <message>
            <source>Throw the cart away</source>
            <translation>Throw the cart away</translation>
        </message>
        <message>
            <source>Keep the cart</source>
            <translation>Keep the cart</translation>
        </message>
        <message>
            <source>{asked} points needs the member&apos;s card or a one-time code: {points} points used for now.</source>
            <translation>{asked} points needs the member's card or a one-time code: {points} points used for now.</translation>
        </message>
        <message>
            <source>More than {points} points: scan the member&apos;s card or confirm with a one-time code.</source>
            <translation>More than {points} points: scan the member's card or confirm with a one-time code.</translation>
        </message>
        <message>
            <source>More than {points} points: scan the member&apos;s card (offline: no code can be sent).</source>
            <translation>More than {points} points: scan the member's card (offline: no code can be sent).</translation>
        </message>
        <message>
            <source>Code sent to {phone}: type the 6 digits the member reads.</source>
            <translation>Code sent to {phone}: type the 6 digits the member reads.</translation>
        </message>
        <message>
            <source>Send code</source>
            <translation>Send code</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>Verify</translation>
        </message>
        <message>
            <source>Code confirmed: the member may redeem the points.</source>
            <translation>Code confirmed: the member may redeem the points.</translation>
        </message>
    </context>
    <context>
        <name>Enroll</name>
        <message>
            <source>Enroll a member</source>
            <translation>Enroll a member</translation>
        </message>
        <message>
            <source>New member</source>
            <translation>New member</translation>
        </message>
        <message>
            <source>Mobile phone *</source>
            <translation>Mobile phone *</translation>
        </message>
        <message>
            <source>Name *</source>
            <translation>Name *</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>Birthday</translation>
        </message>
        <message>
            <source>Referred by</source>
            <translation>Referred by</translation>
        </message>
        <message>
            <source>YYYY-MM-DD (optional)</source>
            <translation>YYYY-MM-DD (optional)</translation>
        </message>
        <message>
            <source>Phone or member code of a member (optional)</source>
            <translation>Phone or member code of a member (optional)</translation>
        </message>
        <message>
            <source>The member accepts the terms and the privacy notice (required)</source>
            <translation>The member accepts the terms and the privacy notice (required)</translation>
        </message>
        <message>
            <source>The member agrees to receive offers (optional)</source>
            <translation>The member agrees to receive offers (optional)</translation>
        </message>
        <message>
            <source>Use this member</source>
            <translation>Use this member</translation>
        </message>
        <message>
            <source>Enroll and make the card</source>
            <translation>Enroll and make the card</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Welcome! Here is the member card.</source>
            <translation>Welcome! Here is the member card.</translation>
        </message>
        <message>
            <source>This phone already belongs to {name} ({code}).</source>
            <translation>This phone already belongs to {name} ({code}).</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Only HQ issues this kind of coupon; it cannot be used.</source>
            <translation>Only HQ issues this kind of coupon; it cannot be used.</translation>
        </message>
        <message>
            <source>This coupon comes from a retired till and cannot be used.</source>
            <translation>This coupon comes from a retired till and cannot be used.</translation>
        </message>
        <message>
            <source>This card is from a retired till. Find the member by phone and give them a new card.</source>
            <translation>This card is from a retired till. Find the member by phone and give them a new card.</translation>
        </message>
        <message>
            <source>Unknown cashier ID or wrong PIN.</source>
            <translation>Unknown cashier ID or wrong PIN.</translation>
        </message>
        <message>
            <source>Locked after too many wrong PINs. A supervisor must unlock it.</source>
            <translation>Locked after too many wrong PINs. A supervisor must unlock it.</translation>
        </message>
        <message>
            <source>This till has no supervisor yet. Add one first.</source>
            <translation>This till has no supervisor yet. Add one first.</translation>
        </message>
        <message>
            <source>Enter the PIN.</source>
            <translation>Enter the PIN.</translation>
        </message>
        <message>
            <source>The disk is full: nothing was saved. Free some space and try again.</source>
            <translation>The disk is full: nothing was saved. Free some space and try again.</translation>
        </message>
        <message>
            <source>No such reconciliation run.</source>
            <translation>No such reconciliation run.</translation>
        </message>
        <message>
            <source>No member matches that.</source>
            <translation>No member matches that.</translation>
        </message>
        <message>
            <source>This member cannot collect or spend points right now.</source>
            <translation>This member cannot collect or spend points right now.</translation>
        </message>
        <message>
            <source>This membership was closed at the member's request.</source>
            <translation>This membership was closed at the member's request.</translation>
        </message>
        <message>
            <source>Correcting this member's name, phone or birthday needs HQ. Try again when the till is online.</source>
            <translation>Correcting this member's name, phone or birthday needs HQ. Try again when the till is online.</translation>
        </message>
        <message>
            <source>Nothing to change.</source>
            <translation>Nothing to change.</translation>
        </message>
        <message>
            <source>HQ must be reached over https://.</source>
            <translation>HQ must be reached over https://.</translation>
        </message>
        <message>
            <source>That file is not a list of CA certificates (PEM).</source>
            <translation>That file is not a list of CA certificates (PEM).</translation>
        </message>
        <message>
            <source>This code is not a member card.</source>
            <translation>This code is not a member card.</translation>
        </message>
        <message>
            <source>This member card's signature is not valid. Do not accept it.</source>
            <translation>This member card's signature is not valid. Do not accept it.</translation>
        </message>
        <message>
            <source>This member code has expired. Ask the member to refresh it.</source>
            <translation>This member code has expired. Ask the member to refresh it.</translation>
        </message>
        <message>
            <source>This phone number already belongs to a member.</source>
            <translation>This phone number already belongs to a member.</translation>
        </message>
        <message>
            <source>The member must accept the terms to join.</source>
            <translation>The member must accept the terms to join.</translation>
        </message>
        <message>
            <source>That is not a phone number.</source>
            <translation>That is not a phone number.</translation>
        </message>
        <message>
            <source>Please enter a real name (letters only).</source>
            <translation>Please enter a real name (letters only).</translation>
        </message>
        <message>
            <source>The birthday is not a real date of birth.</source>
            <translation>The birthday is not a real date of birth.</translation>
        </message>
        <message>
            <source>That is not a date.</source>
            <translation>That is not a date.</translation>
        </message>
        <message>
            <source>That is not a date and time.</source>
            <translation>That is not a date and time.</translation>
        </message>
        <message>
            <source>That detail cannot be edited.</source>
            <translation>That detail cannot be edited.</translation>
        </message>
        <message>
            <source>The sale has no items yet.</source>
            <translation>The sale has no items yet.</translation>
        </message>
        <message>
            <source>A sale can have at most {max} lines.</source>
            <translation>A sale can have at most {max} lines.</translation>
        </message>
        <message>
            <source>That amount is not possible.</source>
            <translation>That amount is not possible.</translation>
        </message>
        <message>
            <source>The quantity must be between 1 and 999.</source>
            <translation>The quantity must be between 1 and 999.</translation>
        </message>
        <message>
            <source>That sale line is not valid.</source>
            <translation>That sale line is not valid.</translation>
        </message>
        <message>
            <source>That product code is not valid.</source>
            <translation>That product code is not valid.</translation>
        </message>
        <message>
            <source>Please choose a category.</source>
            <translation>Please choose a category.</translation>
        </message>
        <message>
            <source>That number of points is not allowed.</source>
            <translation>That number of points is not allowed.</translation>
        </message>
        <message>
            <source>The member does not have enough points for that.</source>
            <translation>The member does not have enough points for that.</translation>
        </message>
        <message>
            <source>Points are redeemed in steps of {step}.</source>
            <translation>Points are redeemed in steps of {step}.</translation>
        </message>
        <message>
            <source>At most {max} points can pay for this sale.</source>
            <translation>At most {max} points can pay for this sale.</translation>
        </message>
        <message>
            <source>While offline, at most {max} points can be redeemed.</source>
            <translation>While offline, at most {max} points can be redeemed.</translation>
        </message>
        <message>
            <source>This coupon cannot be used for this sale.</source>
            <translation>This coupon cannot be used for this sale.</translation>
        </message>
        <message>
            <source>This coupon's signature is not valid.</source>
            <translation>This coupon's signature is not valid.</translation>
        </message>
        <message>
            <source>This coupon has already been used.</source>
            <translation>This coupon has already been used.</translation>
        </message>
        <message>
            <source>This coupon belongs to another member.</source>
            <translation>This coupon belongs to another member.</translation>
        </message>
        <message>
            <source>This coupon expired on {until}.</source>
            <translation>This coupon expired on {until}.</translation>
        </message>
        <message>
            <source>This coupon needs a spend of at least {min}.</source>
            <translation>This coupon needs a spend of at least {min}.</translation>
        </message>
        <message>
            <source>No sale has receipt number {receipt_no}.</source>
            <translation>No sale has receipt number {receipt_no}.</translation>
        </message>
        <message>
            <source>Not that many items are left to return.</source>
            <translation>Not that many items are left to return.</translation>
        </message>
        <message>
            <source>That item is not on this receipt.</source>
            <translation>That item is not on this receipt.</translation>
        </message>
        <message>
            <source>A supervisor must approve this.</source>
            <translation>A supervisor must approve this.</translation>
        </message>
        <message>
            <source>Only a supervisor can approve this.</source>
            <translation>Only a supervisor can approve this.</translation>
        </message>
        <message>
            <source>Please choose a reason.</source>
            <translation>Please choose a reason.</translation>
        </message>
        <message>
            <source>That supervisor ID is not valid.</source>
            <translation>That supervisor ID is not valid.</translation>
        </message>
        <message>
            <source>Wrong PIN. {left} tries left before the cashier is locked.</source>
            <translation>Wrong PIN. {left} tries left before the cashier is locked.</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {minutes} minutes.</source>
            <translation>Too many wrong PINs. Try again in {minutes} minutes.</translation>
        </message>
        <message>
            <source>Unknown cashier ID.</source>
            <translation>Unknown cashier ID.</translation>
        </message>
        <message>
            <source>That cashier ID is not valid.</source>
            <translation>That cashier ID is not valid.</translation>
        </message>
        <message>
            <source>That cashier ID is already taken.</source>
            <translation>That cashier ID is already taken.</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>A PIN is 4 to 8 digits.</translation>
        </message>
        <message>
            <source>That role does not exist.</source>
            <translation>That role does not exist.</translation>
        </message>
        <message>
            <source>This till is not set up yet.</source>
            <translation>This till is not set up yet.</translation>
        </message>
        <message>
            <source>This till is already set up.</source>
            <translation>This till is already set up.</translation>
        </message>
        <message>
            <source>Store ID: letters, digits, - and _ only (up to 20).</source>
            <translation>Store ID: letters, digits, - and _ only (up to 20).</translation>
        </message>
        <message>
            <source>Terminal ID: letters, digits, - and _ only (up to 20).</source>
            <translation>Terminal ID: letters, digits, - and _ only (up to 20).</translation>
        </message>
        <message>
            <source>The HQ address must start with http:// or https://</source>
            <translation>The HQ address must start with http:// or https://</translation>
        </message>
        <message>
            <source>The loyalty rules received are not valid.</source>
            <translation>The loyalty rules received are not valid.</translation>
        </message>
        <message>
            <source>This till has no HQ address.</source>
            <translation>This till has no HQ address.</translation>
        </message>
        <message>
            <source>HQ cannot be reached. Everything is kept and will sync later.</source>
            <translation>HQ cannot be reached. Everything is kept and will sync later.</translation>
        </message>
        <message>
            <source>That command is not valid.</source>
            <translation>That command is not valid.</translation>
        </message>
        <message>
            <source>This till belongs to a real store; demo mode needs its own data folder.</source>
            <translation>This till belongs to a real store; demo mode needs its own data folder.</translation>
        </message>
        <message>
            <source>No free network port for the demo HQ.</source>
            <translation>No free network port for the demo HQ.</translation>
        </message>
        <message>
            <source>The demo HQ could not start.</source>
            <translation>The demo HQ could not start.</translation>
        </message>
        <message>
            <source>Not a member card, product or receipt: {text}</source>
            <translation>Not a member card, product or receipt: {text}</translation>
        </message>
        <message>
            <source>No product with code {text}.</source>
            <translation>No product with code {text}.</translation>
        </message>
        <message>
            <source>Identify the member first (scan the card or type the phone).</source>
            <translation>Identify the member first (scan the card or type the phone).</translation>
        </message>
        <message>
            <source>No camera found. Use the scanner or type the phone number.</source>
            <translation>No camera found. Use the scanner or type the phone number.</translation>
        </message>
        <message>
            <source>The camera stopped working: {detail}</source>
            <translation>The camera stopped working: {detail}</translation>
        </message>
        <message>
            <source>The till is still starting. Please wait a moment.</source>
            <translation>The till is still starting. Please wait a moment.</translation>
        </message>
        <message>
            <source>Could not save the file: {detail}</source>
            <translation>Could not save the file: {detail}</translation>
        </message>
        <message>
            <source>Something went wrong. Nothing was changed. Please try again.</source>
            <translation>Something went wrong. Nothing was changed. Please try again.</translation>
        </message>
        <message>
            <source>This was refused ({code}).</source>
            <translation>This was refused ({code}).</translation>
        </message>
        <message>
            <source>Members enroll with a mobile number; that is a landline.</source>
            <translation>Members enroll with a mobile number; that is a landline.</translation>
        </message>
        <message>
            <source>That country is not supported (TW, CN or HK).</source>
            <translation>That country is not supported (TW, CN or HK).</translation>
        </message>
        <message>
            <source>A name is at most {max} characters.</source>
            <translation>A name is at most {max} characters.</translation>
        </message>
        <message>
            <source>Wrong PIN. 1 try left before the cashier is locked.</source>
            <translation>Wrong PIN. 1 try left before the cashier is locked.</translation>
        </message>
        <message>
            <source>That is not a payment method.</source>
            <translation>That is not a payment method.</translation>
        </message>
        <message>
            <source>Not enough cash: {received} received, {due} due.</source>
            <translation>Not enough cash: {received} received, {due} due.</translation>
        </message>
        <message>
            <source>The printer was not found ({detail}). Check its cable or address in Settings.</source>
            <translation>The printer was not found ({detail}). Check its cable or address in Settings.</translation>
        </message>
        <message>
            <source>The printer stopped answering ({detail}).</source>
            <translation>The printer stopped answering ({detail}).</translation>
        </message>
        <message>
            <source>The printer is out of paper. Load a new roll.</source>
            <translation>The printer is out of paper. Load a new roll.</translation>
        </message>
        <message>
            <source>The printer could not print: {detail}</source>
            <translation>The printer could not print: {detail}</translation>
        </message>
        <message>
            <source>A USB printer is its vendor:product id in hex, e.g. 04b8:0202.</source>
            <translation>A USB printer is its vendor:product id in hex, e.g. 04b8:0202.</translation>
        </message>
        <message>
            <source>A network printer is a host or host:port, e.g. 192.168.1.50:9100.</source>
            <translation>A network printer is a host or host:port, e.g. 192.168.1.50:9100.</translation>
        </message>
        <message>
            <source>A serial printer is a device such as /dev/ttyUSB0 (or /dev/ttyUSB0@19200).</source>
            <translation>A serial printer is a device such as /dev/ttyUSB0 (or /dev/ttyUSB0@19200).</translation>
        </message>
        <message>
            <source>More than {max} points: scan the member&apos;s card or confirm with a one-time code.</source>
            <translation>More than {max} points: scan the member's card or confirm with a one-time code.</translation>
        </message>
        <message>
            <source>More than {max} points: scan the member&apos;s card (offline, no one-time code can be sent).</source>
            <translation>More than {max} points: scan the member's card (offline, no one-time code can be sent).</translation>
        </message>
        <message>
            <source>How the member was identified is not known.</source>
            <translation>How the member was identified is not known.</translation>
        </message>
        <message>
            <source>That one-time code proof is not valid.</source>
            <translation>That one-time code proof is not valid.</translation>
        </message>
        <message>
            <source>A one-time code needs HQ: scan the member&apos;s card instead.</source>
            <translation>A one-time code needs HQ: scan the member's card instead.</translation>
        </message>
        <message>
            <source>HQ cannot send text messages: scan the member&apos;s card.</source>
            <translation>HQ cannot send text messages: scan the member's card.</translation>
        </message>
        <message>
            <source>Too many codes were sent to this member: scan the card.</source>
            <translation>Too many codes were sent to this member: scan the card.</translation>
        </message>
        <message>
            <source>Too many wrong codes: send a new one.</source>
            <translation>Too many wrong codes: send a new one.</translation>
        </message>
        <message>
            <source>This code has expired: send a new one.</source>
            <translation>This code has expired: send a new one.</translation>
        </message>
        <message>
            <source>That is not the code sent to the member.</source>
            <translation>That is not the code sent to the member.</translation>
        </message>
        <message>
            <source>No such code was sent from this till: send a new one.</source>
            <translation>No such code was sent from this till: send a new one.</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Set up this till</source>
            <translation>Set up this till</translation>
        </message>
        <message>
            <source>Enter the store and till names HQ gave you, and the first supervisor's login.</source>
            <translation>Enter the store and till names HQ gave you, and the first supervisor's login.</translation>
        </message>
        <message>
            <source>Store ID</source>
            <translation>Store ID</translation>
        </message>
        <message>
            <source>Till ID</source>
            <translation>Till ID</translation>
        </message>
        <message>
            <source>HQ address (optional)</source>
            <translation>HQ address (optional)</translation>
        </message>
        <message>
            <source>HQ token</source>
            <translation>HQ token</translation>
        </message>
        <message>
            <source>Supervisor ID</source>
            <translation>Supervisor ID</translation>
        </message>
        <message>
            <source>Supervisor name</source>
            <translation>Supervisor name</translation>
        </message>
        <message>
            <source>Supervisor PIN (4-8 digits)</source>
            <translation>Supervisor PIN (4-8 digits)</translation>
        </message>
        <message>
            <source>HQ certificate authority (optional)</source>
            <translation>HQ certificate authority (optional)</translation>
        </message>
        <message>
            <source>PEM file; empty = this computer's trusted CAs</source>
            <translation>PEM file; empty = this computer's trusted CAs</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>HQ certificate authority</source>
            <translation>HQ certificate authority</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt);;All files (*)</source>
            <translation>Certificates (*.pem *.crt);;All files (*)</translation>
        </message>
        <message>
            <source>There is no file at the certificate path given.</source>
            <translation>There is no file at the certificate path given.</translation>
        </message>
        <message>
            <source>Set up</source>
            <translation>Set up</translation>
        </message>
        <message>
            <source>Demo mode</source>
            <translation>Demo mode</translation>
        </message>
        <message>
            <source>Demo mode runs a local HQ with demo members and products. Log in as 1001 / PIN 1234 (cashier) or 9001 / PIN 9999 (supervisor).</source>
            <translation>Demo mode runs a local HQ with demo members and products. Log in as 1001 / PIN 1234 (cashier) or 9001 / PIN 9999 (supervisor).</translation>
        </message>
        <message>
            <source>Please fill in every field marked above.</source>
            <translation>Please fill in every field marked above.</translation>
        </message>
        <message>
            <source>Setting up…</source>
            <translation>Setting up…</translation>
        </message>
    </context>
    <context>
        <name>Ledger</name>
        <message>
            <source>Purchase</source>
            <translation>Purchase</translation>
        </message>
        <message>
            <source>Sign-up bonus</source>
            <translation>Sign-up bonus</translation>
        </message>
        <message>
            <source>Referral bonus</source>
            <translation>Referral bonus</translation>
        </message>
        <message>
            <source>Bonus</source>
            <translation>Bonus</translation>
        </message>
        <message>
            <source>Redeemed</source>
            <translation>Redeemed</translation>
        </message>
        <message>
            <source>Return (points taken back)</source>
            <translation>Return (points taken back)</translation>
        </message>
        <message>
            <source>Return (points given back)</source>
            <translation>Return (points given back)</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>Adjustment</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>Merged in</source>
            <translation>Merged in</translation>
        </message>
        <message>
            <source>Goodwill</source>
            <translation>Goodwill</translation>
        </message>
        <message>
            <source>Correction</source>
            <translation>Correction</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>Complaint</translation>
        </message>
        <message>
            <source>Migration from the old system</source>
            <translation>Migration from the old system</translation>
        </message>
    </context>
    <context>
        <name>Login</name>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Store loyalty till</source>
            <translation>Store loyalty till</translation>
        </message>
        <message>
            <source>Cashier ID</source>
            <translation>Cashier ID</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Log in (Enter)</source>
            <translation>Log in (Enter)</translation>
        </message>
        <message>
            <source>Opening the store…</source>
            <translation>Opening the store…</translation>
        </message>
        <message>
            <source>Locked. {name} was working here; log in to continue.</source>
            <translation>Locked. {name} was working here; log in to continue.</translation>
        </message>
        <message>
            <source>Log in with your cashier ID and PIN.</source>
            <translation>Log in with your cashier ID and PIN.</translation>
        </message>
    </context>
    <context>
        <name>Lookup</name>
        <message>
            <source>Phone, member code or name</source>
            <translation>Phone, member code or name</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Find</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Store loyalty till</source>
            <translation>Store loyalty till</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>supervisor</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>cashier</translation>
        </message>
        <message>
            <source>{name} ({role}) · F11 lock</source>
            <translation>{name} ({role}) · F11 lock</translation>
        </message>
        <message>
            <source>Close the till?</source>
            <translation>Close the till?</translation>
        </message>
        <message>
            <source>The current sale is not confirmed. Its cart will be lost if you close now.</source>
            <translation>The current sale is not confirmed. Its cart will be lost if you close now.</translation>
        </message>
        <message>
            <source>Discard the cart and close</source>
            <translation>Discard the cart and close</translation>
        </message>
        <message>
            <source>Keep the sale open</source>
            <translation>Keep the sale open</translation>
        </message>
    </context>
    <context>
        <name>Member</name>
        <message>
            <source>Awaiting HQ approval</source>
            <translation>Awaiting HQ approval</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Expires</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>HQ</source>
            <translation>HQ</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Confirmed</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>Member details</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profile</translation>
        </message>
        <message>
            <source>Adjust points</source>
            <translation>Adjust points</translation>
        </message>
        <message>
            <source>Reissue card</source>
            <translation>Reissue card</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>Back to the sale</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>Birthday</translation>
        </message>
        <message>
            <source>Agrees to receive offers</source>
            <translation>Agrees to receive offers</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>Save changes</translation>
        </message>
        <message>
            <source>Correct name, phone or birthday (asks HQ)</source>
            <translation>Correct name, phone or birthday (asks HQ)</translation>
        </message>
        <message>
            <source>Points (+ or -)</source>
            <translation>Points (+ or -)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>{name} · {code} · {tier} · {points} points</source>
            <translation>{name} · {code} · {tier} · {points} points</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>Nothing to save.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Enter the points to add (+) or take away (-).</source>
            <translation>Enter the points to add (+) or take away (-).</translation>
        </message>
        <message>
            <source>Adjusted by {points} points.</source>
            <translation>Adjusted by {points} points.</translation>
        </message>
    </context>
    <context>
        <name>MemberCard</name>
        <message>
            <source>Print card</source>
            <translation>Print card</translation>
        </message>
        <message>
            <source>Save PNG</source>
            <translation>Save PNG</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>Back to the sale</translation>
        </message>
        <message>
            <source>Save the member card</source>
            <translation>Save the member card</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Saved {path}</translation>
        </message>
        <message>
            <source>Card printed.</source>
            <translation>Card printed.</translation>
        </message>
    </context>
    <context>
        <name>MemberPanel</name>
        <message>
            <source>No member yet.
Scan the member card, or type a phone number, member code or name.</source>
            <translation>No member yet.
Scan the member card, or type a phone number, member code or name.</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Hide</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Confirmed by HQ {confirmed} + recorded here {pending}</source>
            <translation>Confirmed by HQ {confirmed} + recorded here {pending}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>Unverified since {when} (offline)</source>
            <translation>Unverified since {when} (offline)</translation>
        </message>
        <message>
            <source>{points} points expire within 30 days (from {date})</source>
            <translation>{points} points expire within 30 days (from {date})</translation>
        </message>
        <message>
            <source>Birthday this month</source>
            <translation>Birthday this month</translation>
        </message>
        <message>
            <source>Coupons available: {n}</source>
            <translation>Coupons available: {n}</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Today's offers: {offers}</source>
            <translation>Today's offers: {offers}</translation>
        </message>
        <message>
            <source>Top tier reached</source>
            <translation>Top tier reached</translation>
        </message>
        <message>
            <source>Spend {amount} more for {tier}</source>
            <translation>Spend {amount} more for {tier}</translation>
        </message>
        <message>
            <source>All points confirmed by HQ.</source>
            <translation>All points confirmed by HQ.</translation>
        </message>
        <message>
            <source>HQ has confirmed {confirmed}; {pending} more earned at this till are not sent yet.</source>
            <translation>HQ has confirmed {confirmed}; {pending} more earned at this till are not sent yet.</translation>
        </message>
        <message>
            <source>HQ has confirmed {confirmed}; {pending} used at this till are not sent yet.</source>
            <translation>HQ has confirmed {confirmed}; {pending} used at this till are not sent yet.</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>Member card</source>
            <translation>Member card</translation>
        </message>
        <message>
            <source>Show this code at the till to collect points.</source>
            <translation>Show this code at the till to collect points.</translation>
        </message>
        <message>
            <source>Open amount ({category})</source>
            <translation>Open amount ({category})</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>Subtotal</translation>
        </message>
        <message>
            <source>Member discount</source>
            <translation>Member discount</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>Coupon</translation>
        </message>
        <message>
            <source>Points redeemed: {points}</source>
            <translation>Points redeemed: {points}</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Points earned</source>
            <translation>Points earned</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>Points redeemed</translation>
        </message>
        <message>
            <source>New balance</source>
            <translation>New balance</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Store {store} · Till {till}</source>
            <translation>Store {store} · Till {till}</translation>
        </message>
        <message>
            <source>Member: {name} ({code})</source>
            <translation>Member: {name} ({code})</translation>
        </message>
        <message>
            <source>Keep this receipt for returns.</source>
            <translation>Keep this receipt for returns.</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <source>Points taken back</source>
            <translation>Points taken back</translation>
        </message>
        <message>
            <source>Points given back</source>
            <translation>Points given back</translation>
        </message>
        <message>
            <source>none (approved by {supervisor})</source>
            <translation>none (approved by {supervisor})</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>Original receipt: {receipt}</source>
            <translation>Original receipt: {receipt}</translation>
        </message>
        <message>
            <source>Member: {code}</source>
            <translation>Member: {code}</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Till {till} · Cashier {cashier}</source>
            <translation>Till {till} · Cashier {cashier}</translation>
        </message>
        <message>
            <source>Till {till}</source>
            <translation>Till {till}</translation>
        </message>
        <message>
            <source>Paid by</source>
            <translation>Paid by</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Expiring by {date}</source>
            <translation>Expiring by {date}</translation>
        </message>
    </context>
    <context>
        <name>ProductEntry</name>
        <message>
            <source>Product code or barcode</source>
            <translation>Product code or barcode</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Open amount, e.g. 120.50</source>
            <translation>Open amount, e.g. 120.50</translation>
        </message>
        <message>
            <source>Add amount</source>
            <translation>Add amount</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Print receipt</source>
            <translation>Print receipt</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>Save the receipt</source>
            <translation>Save the receipt</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Saved {path}</translation>
        </message>
        <message>
            <source>Reprint receipt</source>
            <translation>Reprint receipt</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>Printed {receipt}.</source>
            <translation>Printed {receipt}.</translation>
        </message>
        <message>
            <source>The sale is saved; press F9 to reprint.</source>
            <translation>The sale is saved; press F9 to reprint.</translation>
        </message>
    </context>
    <context>
        <name>Rejected</name>
        <message>
            <source>Events rejected by HQ</source>
            <translation>Events rejected by HQ</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>HQ's reason</source>
            <translation>HQ's reason</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>Back to the sale</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>HQ has not rejected anything.</source>
            <translation>HQ has not rejected anything.</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>Day report</source>
            <translation>Day report</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>Takings</source>
            <translation>Takings</translation>
        </message>
        <message>
            <source>Points issued</source>
            <translation>Points issued</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>Points redeemed</translation>
        </message>
        <message>
            <source>New members</source>
            <translation>New members</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>Refunds</translation>
        </message>
        <message>
            <source>Events not yet sent to HQ</source>
            <translation>Events not yet sent to HQ</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>Back to the sale</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>Sales by tier</source>
            <translation>Sales by tier</translation>
        </message>
        <message>
            <source>Export the day report</source>
            <translation>Export the day report</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Saved {path}</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <source>Day report {date} · store {store}</source>
            <translation>Day report {date} · store {store}</translation>
        </message>
        <message>
            <source>Paid in cash</source>
            <translation>Paid in cash</translation>
        </message>
        <message>
            <source>Paid by card</source>
            <translation>Paid by card</translation>
        </message>
        <message>
            <source>Paid otherwise</source>
            <translation>Paid otherwise</translation>
        </message>
        <message>
            <source>Expected cash in the drawer</source>
            <translation>Expected cash in the drawer</translation>
        </message>
    </context>
    <context>
        <name>Returns</name>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Sold</source>
            <translation>Sold</translation>
        </message>
        <message>
            <source>Returned before</source>
            <translation>Returned before</translation>
        </message>
        <message>
            <source>Return now</source>
            <translation>Return now</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>Return goods</source>
            <translation>Return goods</translation>
        </message>
        <message>
            <source>Scan or type the receipt number</source>
            <translation>Scan or type the receipt number</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Find</translation>
        </message>
        <message>
            <source>Return everything</source>
            <translation>Return everything</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <source>Points taken back</source>
            <translation>Points taken back</translation>
        </message>
        <message>
            <source>Points given back</source>
            <translation>Points given back</translation>
        </message>
        <message>
            <source>Balance after</source>
            <translation>Balance after</translation>
        </message>
        <message>
            <source>No receipt: a supervisor approves the amount returned.</source>
            <translation>No receipt: a supervisor approves the amount returned.</translation>
        </message>
        <message>
            <source>Member (phone or code)</source>
            <translation>Member (phone or code)</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>Back to the sale</translation>
        </message>
        <message>
            <source>Next return</source>
            <translation>Next return</translation>
        </message>
        <message>
            <source>Confirm return</source>
            <translation>Confirm return</translation>
        </message>
        <message>
            <source>With receipt</source>
            <translation>With receipt</translation>
        </message>
        <message>
            <source>No receipt</source>
            <translation>No receipt</translation>
        </message>
        <message>
            <source>Sale {receipt} on {date}, member {member}, paid {paid}</source>
            <translation>Sale {receipt} on {date}, member {member}, paid {paid}</translation>
        </message>
        <message>
            <source>Return {number} done. Refund {refund}.</source>
            <translation>Return {number} done. Refund {refund}.</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <source>Lock after idle</source>
            <translation>Lock after idle</translation>
        </message>
        <message>
            <source>Privacy</source>
            <translation>Privacy</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>min</source>
            <translation>min</translation>
        </message>
        <message>
            <source>Mask member names and phones on screen</source>
            <translation>Mask member names and phones on screen</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>Back to the sale</translation>
        </message>
        <message>
            <source>Events rejected by HQ</source>
            <translation>Events rejected by HQ</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Store {store} · Till {till} · HQ {hq}</source>
            <translation>Store {store} · Till {till} · HQ {hq}</translation>
        </message>
        <message>
            <source>demo mode</source>
            <translation>demo mode</translation>
        </message>
        <message>
            <source>No camera found on this computer.</source>
            <translation>No camera found on this computer.</translation>
        </message>
        <message>
            <source>Scanner ends each code with</source>
            <translation>Scanner ends each code with</translation>
        </message>
        <message>
            <source>Scanner prefix</source>
            <translation>Scanner prefix</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>CR LF (Enter, line feed)</source>
            <translation>CR LF (Enter, line feed)</translation>
        </message>
        <message>
            <source>Only a supervisor can change this.</source>
            <translation>Only a supervisor can change this.</translation>
        </message>
    </context>
    <context>
        <name>Supervisor</name>
        <message>
            <source>Supervisor ID</source>
            <translation>Supervisor ID</translation>
        </message>
        <message>
            <source>Supervisor PIN</source>
            <translation>Supervisor PIN</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Approved by {name}</source>
            <translation>Approved by {name}</translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <source>Sync now</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>Local only (no HQ)</source>
            <translation>Local only (no HQ)</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>Waiting to send: {n}</source>
            <translation>Waiting to send: {n}</translation>
        </message>
        <message>
            <source>Last sync {when}</source>
            <translation>Last sync {when}</translation>
        </message>
        <message>
            <source>Never synced</source>
            <translation>Never synced</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Error: {error}</translation>
        </message>
        <message>
            <source>HQ cannot be reached</source>
            <translation>HQ cannot be reached</translation>
        </message>
        <message>
            <source>HQ did not answer in time</source>
            <translation>HQ did not answer in time</translation>
        </message>
        <message>
            <source>HQ refused this till's token</source>
            <translation>HQ refused this till's token</translation>
        </message>
        <message>
            <source>HQ is busy or failing; trying again</source>
            <translation>HQ is busy or failing; trying again</translation>
        </message>
        <message>
            <source>Unexpected answer from HQ ({code})</source>
            <translation>Unexpected answer from HQ ({code})</translation>
        </message>
        <message>
            <source>Rejected by HQ: {n}</source>
            <translation>Rejected by HQ: {n}</translation>
        </message>
        <message>
            <source>Offline: HQ has not answered since {when}. Sales go on and are sent later.</source>
            <translation>Offline: HQ has not answered since {when}. Sales go on and are sent later.</translation>
        </message>
        <message>
            <source>Offline: HQ cannot be reached. Sales go on and are sent later.</source>
            <translation>Offline: HQ cannot be reached. Sales go on and are sent later.</translation>
        </message>
    </context>
    <context>
        <name>Totals</name>
        <message>
            <source>{percent}% off</source>
            <translation>{percent}% off</translation>
        </message>
        <message>
            <source>{amount} off</source>
            <translation>{amount} off</translation>
        </message>
        <message>
            <source>(spend {amount})</source>
            <translation>(spend {amount})</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>Subtotal</translation>
        </message>
        <message>
            <source>Member discount</source>
            <translation>Member discount</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>Coupon</translation>
        </message>
        <message>
            <source>Points as payment</source>
            <translation>Points as payment</translation>
        </message>
        <message>
            <source>To pay</source>
            <translation>To pay</translation>
        </message>
        <message>
            <source>Points earned</source>
            <translation>Points earned</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>Max</translation>
        </message>
        <message>
            <source>Confirm sale</source>
            <translation>Confirm sale</translation>
        </message>
        <message>
            <source>No coupon</source>
            <translation>No coupon</translation>
        </message>
        <message>
            <source>Scanned coupon</source>
            <translation>Scanned coupon</translation>
        </message>
        <message>
            <source>Up to {points} points, in steps of {step}</source>
            <translation>Up to {points} points, in steps of {step}</translation>
        </message>
        <message>
            <source>Identify the member to collect points.</source>
            <translation>Identify the member to collect points.</translation>
        </message>
        <message>
            <source>Scan or type a product code.</source>
            <translation>Scan or type a product code.</translation>
        </message>
    </context>
    <context>
        <name>FKeys</name>
        <message>
            <source>Open amount</source>
            <translation>Open amount</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Find member</source>
            <translation>Find member</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>Enroll</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>Member details</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>Day report</source>
            <translation>Day report</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Lock</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
    </context>
    <context>
        <name>Tender</name>
        <message>
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Due {amount}</source>
            <translation>Due {amount}</translation>
        </message>
        <message>
            <source>Cash received</source>
            <translation>Cash received</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Enter  Accept</source>
            <translation>Enter  Accept</translation>
        </message>
        <message>
            <source>Esc  Back to the sale</source>
            <translation>Esc  Back to the sale</translation>
        </message>
    </context>
    <context>
        <name>PrinterSettings</name>
        <message>
            <source>System printer</source>
            <translation>System printer</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on USB</source>
            <translation>ESC/POS thermal printer on USB</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on the network</source>
            <translation>ESC/POS thermal printer on the network</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on a serial port</source>
            <translation>ESC/POS thermal printer on a serial port</translation>
        </message>
        <message>
            <source>By the receipt's language (Big5 / GB18030)</source>
            <translation>By the receipt's language (Big5 / GB18030)</translation>
        </message>
        <message>
            <source>Big5 (Traditional Chinese printer)</source>
            <translation>Big5 (Traditional Chinese printer)</translation>
        </message>
        <message>
            <source>GB18030 (Simplified Chinese printer)</source>
            <translation>GB18030 (Simplified Chinese printer)</translation>
        </message>
        <message>
            <source>As images (no Chinese font in the printer)</source>
            <translation>As images (no Chinese font in the printer)</translation>
        </message>
        <message>
            <source>Vendor:product id, e.g. 04b8:0202</source>
            <translation>Vendor:product id, e.g. 04b8:0202</translation>
        </message>
        <message>
            <source>Host or host:port, e.g. 192.168.1.50:9100</source>
            <translation>Host or host:port, e.g. 192.168.1.50:9100</translation>
        </message>
        <message>
            <source>Device, e.g. /dev/ttyUSB0 or /dev/ttyUSB0@19200</source>
            <translation>Device, e.g. /dev/ttyUSB0 or /dev/ttyUSB0@19200</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>Receipt printer</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Paper width</source>
            <translation>Paper width</translation>
        </message>
        <message>
            <source>Chinese characters</source>
            <translation>Chinese characters</translation>
        </message>
        <message>
            <source>Cash drawer</source>
            <translation>Cash drawer</translation>
        </message>
        <message>
            <source>Store name on receipts</source>
            <translation>Store name on receipts</translation>
        </message>
        <message>
            <source>Store address on receipts</source>
            <translation>Store address on receipts</translation>
        </message>
        <message>
            <source>{mm} mm roll</source>
            <translation>{mm} mm roll</translation>
        </message>
        <message>
            <source>Open the cash drawer after a cash sale</source>
            <translation>Open the cash drawer after a cash sale</translation>
        </message>
        <message>
            <source>Ask each time (print dialog)</source>
            <translation>Ask each time (print dialog)</translation>
        </message>
        <message>
            <source>Printer settings saved.</source>
            <translation>Printer settings saved.</translation>
        </message>
    </context>
</TS>
